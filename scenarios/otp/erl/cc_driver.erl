%% cc_driver runs a crashcourse scenario, translated to Erlang terms by
%% `crashcourse verify`, on the real runtime and writes what it observed.
%%
%% The driver stands for the simulator's shell: it traps exits, is linked
%% only to the top-level supervisors it starts (as their parent, like an
%% application master), and never dies. Named plain processes run
%% actor_loop/0: a selective receive on the private tag '$cc', so their real
%% mailbox holds only user messages, as an idle simulated process does.
%% Supervised workers are cc_worker gen_servers and supervisors cc_sup.
%%
%% Every process the scenario knows reports itself in the table cc_inc
%% (name, incarnation, pid) and is traced (procs, with strict monotonic
%% timestamps) so that exit reasons and exit orders come from the runtime
%% itself; plain processes are also traced for 'receive', which gives the
%% mailbox a dead process had.
%%
%% Nothing but the scenario runs. A registered name of the scenario (@rex)
%% is registered on the node under a name of its own (see reg/1), so the
%% node's system processes (rex, file_server_2, ...) are out of reach and a
%% name the scenario did not register is unregistered, as in the
%% simulator; register, whereis, send, send_after, monitor and gen_server's
%% {local, Name} are still OTP's own. User terms arrive encoded (decode/1),
%% so no user term can pass for a pid, a name or a ref the driver resolves,
%% and the driver's control messages carry a ref no user term can hold.
%%
%% Output: one Erlang term per line (~tw, UTF-8), written as it is known:
%% each incarnation before any line that names it, {start, Idx, Ts} with
%% the exits so far before each command, {cmd, ...} after it. The node's
%% own names appear as the scenario's (unreg/1).
-module(cc_driver).

-export([main/1, actor_start/4, perform/1, incarnation/3, latest/1,
         started/2, next_init/2, inbox_add/2, sleep/1, trace_receives/1,
         key/0, control/1, unread/2]).

-define(CTL, '$cc').
-define(ACK, '$cc_ack').
-define(READY, '$cc_ready').

%% ---------------------------------------------------------------------
%% Entry point: erl -noshell -pa DIR -run cc_driver main IN OUT [watch]
%% With watch, the node halts when its standard input closes: crashcourse
%% holds it open, so the node never outlives crashcourse, however it ends.

main([In, Out, "watch"]) ->
    spawn(fun watch_stdin/0),
    main([In, Out]);
main([In, Out]) ->
    logger:set_primary_config(level, none),
    process_flag(trap_exit, true),
    {ok, F} = file:open(Out, [write, {encoding, utf8}]),
    Status = try
                 run(In, F),
                 0
             catch Class:Reason:Stack ->
                 out(F, {driver_crash, Class, Reason, Stack}),
                 3
             end,
    file:close(F),
    halt(Status).

watch_stdin() ->
    case io:get_line(standard_io, "") of
        eof -> halt(4);
        {error, _} -> halt(4);
        _ -> watch_stdin()
    end.

run(In, F) ->
    {ok, Terms} = file:consult(In),
    [Config] = [C || {config, C} <- Terms],
    Cmds = [C || C = {cmd, _, _, _} <- Terms],
    ets:new(cc_inc, [named_table, public, set]),
    ets:new(cc_def, [named_table, public, set]),
    ets:new(cc_inbox, [named_table, public, ordered_set]),
    persistent_term:put(cc_key, make_ref()),
    names(maps:get(reg_names, Config, [])),
    Tracer = spawn(fun() -> tracer([], [], #{}) end),
    ets:insert(cc_inc, [{tracer, Tracer}, {driver, self()}]),
    put(cc_exits_out, 0),
    out(F, {shell, self()}),
    put(cc_scale, maps:get(scale, Config)),
    S0 = #{out => F, scale => maps:get(scale, Config), v => 0.0,
           guard => maps:get(guard_ms, Config, 10000),
           nref => 0, timers => [], last => ok, mark => ts(),
           hung => #{}, removed => #{}, tops => [], dyn => #{}},
    Align = maps:get(align, Config, false),
    preload(),
    align(Align),
    S = lists:foldl(fun command/2, S0#{absolute => Align, t0 => erlang:monotonic_time(microsecond)}, Cmds),
    final(Config, S).

%% preload loads the modules the commands run, before the clock starts:
%% the scenario's behaviours, and what writing the first crash report
%% needs. Loaded on first use, they took up to 80 ms of the first
%% commands, which moved a crash 920 ms into the run past its whole second.
preload() ->
    [{module, _} = code:ensure_loaded(M)
     || M <- [cc_sup, cc_worker, supervisor, gen_server, gen, proc_lib, timer, sys,
              io, io_lib, io_lib_format, io_lib_pretty, string, unicode_util,
              erl_error, erl_scan, erl_internal, epp]],
    ok.

%% align waits for the start of a second of monotonic time, so that whole
%% seconds of virtual time (restart intensity stamps) line up with OTP's;
%% advance then keeps to an absolute schedule from there.
align(false) -> ok;
align(true) ->
    Ms = erlang:monotonic_time(millisecond),
    sleep(1000 - (Ms rem 1000) + 1).

%% out writes a line, after the incarnations not yet written.
out(F, Term) ->
    new_incarnations(F),
    io:format(F, "~tw~n", [unreg(Term)]).

new_incarnations(F) ->
    Emitted = case get(cc_emitted) of
                  undefined -> #{};
                  E -> E
              end,
    New = lists:append([new_incarnations(N, maps:get(N, Emitted, 0) + 1, C) || {N, C} <- latest_all()]),
    [io:format(F, "~tw~n", [unreg({inc, N, K, Pid, Kind})]) || {N, K, Pid, Kind} <- New],
    put(cc_emitted, lists:foldl(fun({N, K, _, _}, E) -> maps:put(N, K, E) end, Emitted, New)).

%% An incarnation counted but not yet in the table is written next time.
new_incarnations(_, K, C) when K > C -> [];
new_incarnations(N, K, C) ->
    case ets:lookup(cc_inc, {inc, N, K}) of
        [{_, Pid, Kind, _}] -> [{N, K, Pid, Kind} | new_incarnations(N, K + 1, C)];
        [] -> []
    end.

%% ---------------------------------------------------------------------
%% Registered names: the scenario's @name is registered on the node as
%% '$cc_reg_<nonce>_<i>', i its place in the config's reg_names. The nonce
%% (random per run) keeps a user atom from reading back as a scenario name;
%% the index keeps every scenario name, whatever its length, apart from the
%% node's own names. undefined stays itself: OTP never registers it
%% (register/2 fails with badarg), so no process can hold it.

names(Names) ->
    Nonce = integer_to_list(rand:uniform(1 bsl 48), 36),
    Pairs = lists:zip(Names, [node_name(N, Nonce, I) || {N, I} <- lists:zip(Names, lists:seq(1, length(Names)))]),
    persistent_term:put(cc_names, {maps:from_list(Pairs), maps:from_list([{R, N} || {N, R} <- Pairs])}).

node_name(undefined, _, _) -> undefined;
node_name(_, Nonce, I) -> list_to_atom("$cc_reg_" ++ Nonce ++ "_" ++ integer_to_list(I)).

%% reg is the node's name for a scenario name; every name a command uses is
%% in reg_names, so a missing one is a bug, never the node's own name.
reg(Name) -> maps:get(Name, element(1, persistent_term:get(cc_names))).

%% unreg writes the node's names of the scenario's names back as the
%% scenario's, wherever they appear (a DOWN of a monitor by name).
unreg(T) -> unreg(T, element(2, persistent_term:get(cc_names, {#{}, #{}}))).

unreg(A, M) when is_atom(A) -> maps:get(A, M, A);
unreg(T, M) when is_tuple(T) -> list_to_tuple(unreg(tuple_to_list(T), M));
unreg([H | T], M) -> [unreg(H, M) | unreg(T, M)];
unreg(X, M) when is_map(X) -> maps:from_list(unreg(maps:to_list(X), M));
unreg(T, _) -> T.

ts() -> {erlang:monotonic_time(nanosecond), erlang:unique_integer([monotonic])}.

%% ---------------------------------------------------------------------
%% Commands

command({cmd, Idx, _, {expect, E}}, S) ->
    out(maps:get(out, S), {obs, Idx, expect(E, S), latest_all()}),
    S;
command({cmd, Idx, Kind, Cmd}, S) ->
    T0 = ts(),
    flush_exits(maps:get(out, S)),
    out(maps:get(out, S), {start, Idx, T0}),
    R0 = erlang:monotonic_time(microsecond),
    {Result, S1} = try exec(Cmd, S)
                   catch throw:{refused, Msg} -> {{refused, Msg}, S};
                         throw:{error_noproc} -> {{error, noproc}, S};
                         throw:{error_badarg} -> {{error, badarg}, S}
                   end,
    settle(),
    due_timers(S1),
    S2 = case Kind of
             sync ->
                 Elapsed = (erlang:monotonic_time(microsecond) - R0) / 1000,
                 S1#{v := maps:get(v, S1) + Elapsed * maps:get(scale, S1)};
             _ -> S1
         end,
    out(maps:get(out, S2), {cmd, Idx, T0, Result}),
    S2#{last := Result}.

exec(noop, S) -> {ok, S};
exec({refuse, Msg}, S) -> {{refused, Msg}, S};
exec(mark, S) -> {ok, S#{mark := ts()}};
exec({advance, VMs}, S) -> {ok, advance(VMs, S)};
exec({sup, Spec}, S) -> start_top(resolve_term(Spec), S);
exec(shutdown, S) -> shutdown_all(S);
exec({stop, P}, S) -> stop_top(P, S);
exec({sup_call, Call, P, Arg}, S) -> sup_call(Call, P, Arg, S);
exec({take, P, How}, S) -> take(P, How, S);
exec({recover, A}, S) -> recover(A, S);
exec({act, shell, Action}, S) -> shell_act(Action, S);
exec({act, A, Action}, S) -> proc_act(A, Action, S).

%% The shell acts itself and gets errors instead of crashing.
shell_act(Action0, S) ->
    Action = prepare(Action0, S),
    check_spawn(Action),
    try finish_call(perform(Action)) of
        R -> after_action(Action, R, S)
    catch error:Reason -> {{error, Reason}, S};
          exit:{_, {gen_server, call, _}} = Reason -> {{error, Reason}, S}
    end.

%% finish_call makes the shell's call synchronous, as the simulator's is.
finish_call({calling, Call}) -> Call();
finish_call(R) -> R.

%% A process acts on the driver's request; an action that crashes it is a
%% crash, not an error of the command.
proc_act(A, Action0, S) ->
    Pid = actor(A, S),
    Action = prepare(Action0, S),
    check_spawn(Action),
    case call_actor(Pid, Action, S) of
        {done, R} ->
            S1 = case Action of
                     hang -> S#{hung := maps:put(Pid, true, maps:get(hung, S))};
                     _ -> S
                 end,
            after_action(Action, R, S1);
        crashed -> {ok, S};
        timeout -> {{refused, "the actor did not answer"}, S}
    end.

call_actor(Pid, Action, S) ->
    Mon = monitor(process, Pid),
    Pid ! {?CTL, key(), self(), Mon, Action},
    receive
        {?ACK, Mon, R} -> demonitor(Mon, [flush]), {done, R};
        {'DOWN', Mon, process, Pid, _} -> crashed
    after maps:get(guard, S) -> demonitor(Mon, [flush]), timeout
    end.

%% after_action numbers the refs an action created, as the simulator does.
after_action({spawn, _, monitor, _}, {spawned, _, Ref}, S) -> new_ref(Ref, S);
after_action({monitor, _}, {ref, Ref}, S) -> new_ref(Ref, S);
after_action({send_after, _, _, _, VMs}, {ref, Ref}, S) ->
    {R, S1} = new_ref(Ref, S),
    V = maps:get(v, S1) + VMs,
    {R, S1#{timers := [{Ref, V} | maps:get(timers, S1)]}};
after_action({cancel_timer, _}, Left, S) -> {{value, Left}, S};
after_action(_, _, S) -> {ok, S}.

new_ref(Ref, S) ->
    K = maps:get(nref, S) + 1,
    put({cc_ref, K}, Ref),
    out(maps:get(out, S), {ref, K, Ref}),
    {{value, Ref}, S#{nref := K}}.

%% prepare resolves the names, pids and refs of an action at the time it runs.
prepare({spawn, Name, Kind, Trap}, _) -> {spawn, Name, Kind, Trap};
prepare({link, P}, S) -> {link, target(P, S)};
prepare({unlink, P}, S) -> {unlink, target(P, S)};
prepare({monitor, {reg, N}}, _) -> {monitor, reg(N)};
prepare({monitor, P}, S) -> {monitor, target(P, S)};
prepare({demonitor, K, Flush}, S) -> {demonitor, ref(K, S), Flush};
prepare({cancel_timer, K}, S) -> {cancel_timer, ref(K, S)};
prepare({exit2, P, T}, S) -> {exit2, target(P, S), resolve_term(T)};
prepare({send, {reg, N}, T}, _) -> {send, reg(N), resolve_term(T)};
prepare({send, P, T}, S) -> {send, target(P, S), resolve_term(T)};
prepare({send_after, VMs, {reg, N}, T}, S) -> {send_after, real_ms(VMs, S), reg(N), resolve_term(T), VMs};
prepare({send_after, VMs, P, T}, S) -> {send_after, real_ms(VMs, S), target(P, S), resolve_term(T), VMs};
prepare({register, N, P}, S) -> {register, reg(N), target(P, S)};
prepare({unregister, N}, _) -> {unregister, reg(N)};
prepare({exit1, T}, _) -> {exit1, resolve_term(T)};
prepare({crash, T}, _) -> {crash, resolve_term(T)};
prepare({call, {reg, N}, T, To}, S) -> {call, reg(N), resolve_term(T), call_timeout(To, S)};
prepare({call, P, T, To}, S) -> {call, target(P, S), resolve_term(T), call_timeout(To, S)};
prepare(A, _) -> A.

real_ms(VMs, S) -> round(VMs / maps:get(scale, S)).

call_timeout(default, _) -> default;
call_timeout(infinity, _) -> infinity;
call_timeout(VMs, S) -> real_ms(VMs, S).

check_spawn({spawn, Name, _, _}) ->
    case latest_alive(Name) of
        {true, _} -> throw({refused, "the name is taken by a live process"});
        false -> ok
    end;
check_spawn(_) -> ok.

ref(K, _) ->
    case get({cc_ref, K}) of
        undefined -> make_ref();
        R -> R
    end.

%% target resolves a process a command acts upon: a name to its latest
%% incarnation (alive or not), a pid literal to that incarnation, @n to the
%% pid registered now.
target({name, N}, _) ->
    case latest(N) of
        undefined -> throw({error_noproc});
        Pid -> Pid
    end;
target({inc, N, K}, _) ->
    case ets:lookup(cc_inc, {inc, N, K}) of
        [{_, Pid, _, _}] -> Pid;
        [] -> throw({error_noproc})
    end;
target({reg, N}, _) ->
    case whereis(reg(N)) of
        undefined -> throw({error_badarg});
        Pid -> Pid
    end.

%% actor resolves who acts: it must be alive, not a supervisor, not hung,
%% not waiting in a call.
actor(A, S) ->
    Pid = target(A, S),
    case {is_process_alive(Pid), kind(Pid), maps:is_key(Pid, maps:get(hung, S))} of
        {false, _, _} -> throw({error_noproc});
        {_, supervisor, _} -> throw({refused, "a supervisor is never an actor"});
        {_, _, true} -> throw({refused, "the actor is hung"});
        _ ->
            case ets:member(cc_inc, {calling, Pid}) of
                true -> throw({refused, "the actor is waiting in a call"});
                false -> Pid
            end
    end.

kind(Pid) ->
    case ets:lookup(cc_inc, {pid, Pid}) of
        [{_, _, _, Kind}] -> Kind;
        [] -> unknown
    end.

%% resolve_term resolves what the translation wrote for the driver to fill
%% in: user terms ({'$cc_term', Encoded}), scaled durations, and the
%% scenario's registered names in worker specs.
resolve_term({'$cc_term', E}) -> decode(E);
resolve_term({'$ms', V}) when V =< 0 -> 0;
resolve_term({'$ms', V}) -> max(1, round(V / get(cc_scale)));
resolve_term({'$cc_reg', N}) -> reg(N);
resolve_term(T) when is_tuple(T) -> list_to_tuple(resolve_term(tuple_to_list(T)));
resolve_term([H | T]) -> [resolve_term(H) | resolve_term(T)];
resolve_term(M) when is_map(M) ->
    maps:from_list([{resolve_term(K), resolve_term(V)} || {K, V} <- maps:to_list(M)]);
resolve_term(T) -> T.

%% decode builds a user term from its encoding, in which every atom, string,
%% tuple and list is tagged: a user term is data, whatever it contains.
%% Pids, names and refs resolve when the command runs.
decode(N) when is_number(N) -> N;
decode({a, A}) -> A;
decode({s, L}) -> L;
decode({t, Es}) -> list_to_tuple([decode(E) || E <- Es]);
decode({l, Es}) -> [decode(E) || E <- Es];
decode({m, KVs}) -> maps:from_list([{decode(K), decode(V)} || {K, V} <- KVs]);
decode({b, B}) -> B;
decode(stack) -> [];
decode(shell) -> whereis_driver();
decode({name, N}) ->
    case latest(N) of
        undefined -> throw({refused, "no process is called " ++ atom_to_list(N)});
        Pid -> Pid
    end;
decode({pid, N, K}) ->
    case ets:lookup(cc_inc, {inc, N, K}) of
        [{_, Pid, _, _}] -> Pid;
        [] -> throw({refused, "no such pid"})
    end;
decode({ref, K}) ->
    case get({cc_ref, K}) of
        undefined -> make_ref();
        R -> R
    end.

whereis_driver() ->
    [{_, D}] = ets:lookup(cc_inc, driver),
    D.

%% ---------------------------------------------------------------------
%% What a process does on command (also run by cc_worker in handle_info).

perform({spawn, Name, Kind, Trap}) ->
    Me = self(),
    Key = key(),
    F = fun() -> actor_start(Name, Trap, Me, Key) end,
    {Pid, Ref} = case Kind of
                     plain -> {spawn(F), none};
                     link -> {spawn_link(F), none};
                     monitor -> spawn_monitor(F)
                 end,
    receive {?READY, Key, Pid} -> ok end,
    {spawned, Pid, Ref};
perform({link, P}) -> link(P);
perform({unlink, P}) -> unlink(P);
perform({monitor, P}) -> {ref, monitor(process, P)};
perform({demonitor, R, true}) -> demonitor(R, [flush]);
perform({demonitor, R, false}) -> demonitor(R);
perform({trap_exit, B}) -> process_flag(trap_exit, B);
perform({exit1, R}) -> exit(R);
perform({crash, R}) -> erlang:error(R);
perform({exit2, P, R}) -> exit(P, R);
perform({send, D, M}) -> erlang:send(D, M);
perform({register, N, P}) -> register(N, P);
perform({unregister, N}) -> unregister(N);
perform({send_after, Ms, D, M, _}) -> {ref, erlang:send_after(Ms, D, M)};
perform({cancel_timer, R}) -> erlang:cancel_timer(R);
perform({take, How}) ->
    %% No receive ... after here: a receive timeout shows in the 'receive'
    %% trace, which gives a dead process's mailbox.
    {message_queue_len, N} = process_info(self(), message_queue_len),
    take(case How of one -> min(N, 1); all -> N end);
perform({call, D, Req, To}) -> {calling, fun() -> call(D, Req, To) end};
perform(hang) -> hang;
perform(recover) -> ok.

%% call is gen_server:call/2 or /3. A process acks its command before it
%% calls (see actor_loop/1): the call then runs while the driver goes on,
%% and the process is marked as waiting in it meanwhile. What the call
%% itself received (the reply, the DOWN that ended it, the receive
%% timeouts that the 'receive' trace shows as the atom timeout) is noted:
%% none of it is a message of the mailbox the caller dies with.
call(D, Req, To) ->
    ets:insert(cc_inc, {{calling, self()}, true}),
    Server = case is_atom(D) of
                 true -> whereis(D);
                 false -> D
             end,
    try gen_call(D, Req, To) of
        R ->
            ets:delete(cc_inc, {calling, self()}),
            ets:insert(cc_inc, {{replies, self()}, [R | replies(self())]}),
            R
    catch exit:{Why, {gen_server, call, _}} = E ->
        case Why of
            timeout -> ets:insert(cc_inc, {{call_end, self()}, timeout});
            _ when is_pid(Server), Why =/= calling_self ->
                ets:insert(cc_inc, {{call_end, self()}, {down, Server, Why}});
            _ -> ok
        end,
        exit(E)
    end.

gen_call(D, Req, default) -> gen_server:call(D, Req);
gen_call(D, Req, To) -> gen_server:call(D, Req, To).

take(0) -> [];
take(N) -> receive M -> [M | take(N - 1)] end.

%% actor_start is how a named plain process begins: it sets its flag,
%% reports itself, and tells its spawner it is ready.
actor_start(Name, Trap, Spawner, Key) ->
    process_flag(trap_exit, Trap),
    incarnation(Name, self(), plain),
    Spawner ! {?READY, Key, self()},
    actor_loop(Key).

actor_loop(Key) ->
    receive
        {?CTL, Key, From, Tag, Action} ->
            R = perform(Action),
            From ! {?ACK, Tag, R},
            case R of
                hang -> hang_loop(Key);
                {calling, Call} -> Call();
                _ -> ok
            end,
            actor_loop(Key)
    end.

%% A hung process answers nothing but recover.
hang_loop(Key) ->
    receive {?CTL, Key, From, Tag, recover} -> From ! {?ACK, Tag, ok} end.

%% key is the ref of this run's control messages: no user term holds it.
key() -> persistent_term:get(cc_key).

%% control tells the driver's requests from user messages: {act, From, Tag,
%% Action} for a request, user for anything else.
control({?CTL, Key, From, Tag, Action}) ->
    case key() of
        Key -> {act, From, Tag, Action};
        _ -> user
    end;
control(_) -> user.

%% ---------------------------------------------------------------------
%% Incarnations, starts and init results (shared with cc_worker, cc_sup).

incarnation(Name, Pid, Kind) ->
    N = ets:update_counter(cc_inc, {count, Name}, 1, {{count, Name}, 0}),
    Seq = ets:update_counter(cc_inc, seq, 1, {seq, 0}),
    ets:insert(cc_inc, [{{inc, Name, N}, Pid, Kind, Seq}, {{pid, Pid}, Name, N, Kind}]),
    [{_, Tracer}] = ets:lookup(cc_inc, tracer),
    Flags = case Kind of
                plain -> ['receive', procs];
                _ -> [procs]
            end,
    erlang:trace(Pid, true, [strict_monotonic_timestamp, {tracer, Tracer} | Flags]),
    N.

%% trace_receives starts or stops tracing what the calling process
%% receives; stopping forgets what was traced, without waiting: the tracer
%% drops what is stamped before the stop, even if it comes later. (A wait
%% would look like a quiet world to settle/0 while the process is busy.)
trace_receives(On) ->
    [{_, Tracer}] = ets:lookup(cc_inc, tracer),
    erlang:trace(self(), On, ['receive', {tracer, Tracer}]),
    case On of
        true -> ok;
        false -> Tracer ! {forget, self(), ts()}
    end.

latest(Name) ->
    case ets:lookup(cc_inc, {count, Name}) of
        [{_, N}] -> [{_, Pid, _, _}] = ets:lookup(cc_inc, {inc, Name, N}), Pid;
        [] -> undefined
    end.

latest_alive(Name) ->
    case latest(Name) of
        undefined -> false;
        Pid -> case is_process_alive(Pid) of
                   true -> {true, Pid};
                   false -> false
               end
    end.

%% started counts a successful start of a child definition, for expect
%% restarts, and returns the start's result as it was.
started(Key, Result = {ok, _}) ->
    ets:update_counter(cc_def, {starts, Key}, 1, {{starts, Key}, 0}),
    Result;
started(_, Result) -> Result.

%% next_init consumes the init result of the next start of a child
%% definition: the list in order, its last entry repeating.
next_init(_, []) -> ok;
next_init(Key, Inits) ->
    I = ets:update_counter(cc_def, {inits, Key}, 1, {{inits, Key}, 0}),
    lists:nth(min(I, length(Inits)), Inits).

%% unread records what a worker had not read when it began to terminate.
unread(Pid, Msgs) ->
    ets:insert(cc_inc, {{unread, Pid}, [M || M <- Msgs, not driver_message(M)]}).

inbox_add(Pid, Msg) ->
    Seq = ets:update_counter(cc_inc, inbox_seq, 1, {inbox_seq, 0}),
    ets:insert(cc_inbox, {{Pid, Seq}, Msg}).

sleep(Ms) when Ms =< 0 -> ok;
sleep(Ms) -> receive after Ms -> ok end.

%% ---------------------------------------------------------------------
%% Time

%% advance lets VMs of virtual time pass, scaled to real time. The user's
%% timers (send_after) decide the exact moment to stop: every timer due by
%% the new virtual time must have fired, none due later may have, so that
%% a timer set for 1s is not seen at 999ms and is seen at 1000ms whatever
%% the real time the commands themselves took.
advance(VMs, S) ->
    Scale = maps:get(scale, S),
    V = maps:get(v, S) + VMs,
    Base = case maps:get(absolute, S) of
               %% Aligned on whole seconds: keep to the absolute schedule, so
               %% that the time commands take does not add up.
               true -> max(0, (maps:get(t0, S) / 1000 + V / Scale) - erlang:monotonic_time(microsecond) / 1000);
               false -> VMs / Scale
           end,
    Active = [{R, Due} || {R, Due} <- maps:get(timers, S), is_integer(erlang:read_timer(R))],
    Lo = lists:max([0 | [left(R) + 3 || {R, Due} <- Active, Due =< V + 0.0001]]),
    Hi = lists:min([infinity | [left(R) - 4 || {R, Due} <- Active, Due > V + 0.0001]]),
    Ms = if
             Lo =< Hi, Hi =/= infinity -> max(Lo, min(Base, Hi));
             Lo =< Hi -> max(Lo, Base);
             true -> Base
         end,
    sleep(round(Ms)),
    S#{v := V, timers := Active}.

left(R) ->
    case erlang:read_timer(R) of
        false -> 0;
        Ms -> Ms
    end.

%% due_timers waits for the user's timers due by now (send_after 0) to
%% fire: a timer about to fire is not a running process.
due_timers(S) -> due_timers(S, maps:get(guard, S)).

due_timers(_, 0) -> ok;
due_timers(S, Tries) ->
    V = maps:get(v, S),
    Due = [R || {R, D} <- maps:get(timers, S), D =< V + 0.0001, is_integer(erlang:read_timer(R))],
    case Due of
        [] -> ok;
        _ -> sleep(1), settle(), due_timers(S, Tries - 1)
    end.

%% settle waits until nothing runs but the driver: everything that happens
%% at the current instant of virtual time has happened.
settle() -> settle(0, 0).

%% Three quiet looks in a row; the first looks only yield, later ones sleep
%% a millisecond so that a busy machine is not made busier.
settle(Quiet, _) when Quiet >= 3 -> ok;
settle(_, Polls) when Polls > 20000 -> ok;
settle(Quiet, Polls) ->
    case Polls < 30 of
        true -> erlang:yield();
        false -> sleep(1)
    end,
    case erlang:statistics(total_active_tasks_all) =:= 1 andalso none_runnable() of
        true -> settle(Quiet + 1, Polls + 1);
        false -> settle(0, Polls + 1)
    end.

%% none_runnable: no process of the scenario is running or waiting to run.
%% The scheduler's count of active tasks alone has been seen to miss one on
%% a loaded machine: a worker whose init returned {stop, R} had acked its
%% supervisor (gen_server acks, then exits) and had not yet run its exit.
none_runnable() ->
    lists:all(fun([P]) ->
                      case erlang:process_info(P, status) of
                          {status, S} -> S =/= running andalso S =/= runnable;
                          undefined -> true
                      end
              end, ets:match(cc_inc, {{pid, '$1'}, '_', '_', '_'})).

%% ---------------------------------------------------------------------
%% Supervisors

start_top(Spec, S) ->
    Name = maps:get(name, Spec),
    case latest_alive(Name) of
        {true, _} -> throw({refused, "the name is taken by a live process"});
        false -> ok
    end,
    case cc_sup:start_top(Spec) of
        {ok, Pid} -> {ok, S#{tops := maps:get(tops, S) ++ [Pid]}};
        {error, R} -> {{error, R}, S}
    end.

sup_pid(P, S) ->
    Pid = target(P, S),
    case kind(Pid) of
        supervisor -> ok;
        _ -> throw({refused, "not a supervisor"})
    end,
    case is_process_alive(Pid) of
        true -> Pid;
        false -> throw({error_noproc})
    end.

stop_top(P, S) ->
    Pid = sup_pid(P, S),
    case lists:member(Pid, maps:get(tops, S)) of
        true -> {stop_and_wait(Pid, shutdown, S), S};
        false -> throw({refused, "not a top-level supervisor"})
    end.

stop_and_wait(Pid, Reason, S) ->
    Mon = monitor(process, Pid),
    exit(Pid, Reason),
    receive {'DOWN', Mon, _, _, _} -> ok
    after maps:get(guard, S) -> demonitor(Mon, [flush]), {refused, "it did not stop"}
    end.

shutdown_all(S) ->
    [stop_and_wait(P, shutdown, S) || P <- lists:reverse(maps:get(tops, S)), is_process_alive(P)],
    Incs = lists:reverse(lists:keysort(1, [{Seq, Pid} || {{inc, _, _}, Pid, _, Seq} <- ets:tab2list(cc_inc)])),
    lists:foreach(fun({_, Pid}) ->
                          case is_process_alive(Pid) of
                              true -> exit(Pid, kill), settle();
                              false -> ok
                          end
                  end, Incs),
    {ok, S}.

sup_call(Call, P, Arg0, S) ->
    Sup = sup_pid(P, S),
    {Arg, S1} = case {Call, Arg0} of
                    {start_child, {template, '$none'}} -> {[], S};
                    {start_child, {template, {T, Def}}} ->
                        Dyn = maps:get(dyn, S),
                        N = maps:get({T, Def}, Dyn, 0) + 1,
                        Id = list_to_atom(atom_to_list(T) ++ "_" ++ integer_to_list(N)),
                        {[Id], S#{dyn := maps:put({T, Def}, N, Dyn)}};
                    {start_child, Spec} -> {cc_sup:child_spec(resolve_term(Spec)), S};
                    {terminate_child, {pid, Q}} -> {target(Q, S), S};
                    _ -> {Arg0, S}
                end,
    Me = self(),
    Caller = spawn(fun() ->
                           R = try
                                   case Call of
                                       which_children -> supervisor:which_children(Sup);
                                       count_children -> supervisor:count_children(Sup);
                                       _ -> supervisor:Call(Sup, Arg)
                                   end
                               catch exit:{Why, {gen_server, call, _}} -> {'$cc_exited', Why}
                               end,
                           Me ! {sup_reply, self(), R}
                   end),
    receive
        {sup_reply, Caller, {'$cc_exited', Why}} -> {{error, Why}, S1};
        {sup_reply, Caller, {error, R} = Reply} -> {{reply_error, Reply, R}, S1};
        {sup_reply, Caller, Reply} -> {{reply, Reply}, S1}
    after maps:get(guard, S) -> {{refused, "the supervisor did not reply"}, S1}
    end.

%% ---------------------------------------------------------------------
%% receive / flush and recover

take(P, How, S) ->
    Pid = actor(P, S),
    case kind(Pid) of
        worker ->
            Box = inbox(Pid),
            Taken = case How of
                        one -> lists:sublist(Box, 1);
                        all -> Box
                    end,
            Keys = lists:sublist(inbox_keys(Pid), length(Taken)),
            [ets:delete(cc_inbox, K) || K <- Keys],
            {{value, Taken}, S};
        _ ->
            {done, Taken} = call_actor(Pid, {take, How}, S),
            Removed = maps:get(removed, S),
            {{value, Taken}, S#{removed := maps:put(Pid, maps:get(Pid, Removed, 0) + length(Taken), Removed)}}
    end.

recover(A, S) ->
    Pid = target(A, S),
    case is_process_alive(Pid) of
        false -> throw({error_noproc});
        true -> ok
    end,
    Hung = maps:get(hung, S),
    case maps:is_key(Pid, Hung) of
        true ->
            call_actor(Pid, recover, S),
            {ok, S#{hung := maps:remove(Pid, Hung)}};
        false -> {ok, S}
    end.

inbox(Pid) -> [M || {_, M} <- ets:select(cc_inbox, [{{{Pid, '_'}, '_'}, [], ['$_']}])].

inbox_keys(Pid) -> [K || {K, _} <- ets:select(cc_inbox, [{{{Pid, '_'}, '_'}, [], ['$_']}])].

%% ---------------------------------------------------------------------
%% Expectations: the driver reports what it sees; crashcourse judges.

expect({life, P}, S) -> {life, safe(fun() -> Pid = target(P, S), {Pid, state(Pid, exits())} end)};
expect({mailbox, P}, S) -> {mailbox, safe(fun() -> Pid = target(P, S), {Pid, mailbox(Pid, S)} end)};
expect({registered, N, P}, S) -> {registered, whereis(reg(N)), safe(fun() -> target(P, S) end)};
expect({unregistered, N}, _) -> {unregistered, whereis(reg(N))};
expect({restarts, P}, S) -> {restarts, safe(fun() -> restarts(target(P, S)) end)};
expect({exit_order, Ps}, S) ->
    Exits = exits(),
    Mark = maps:get(mark, S),
    {exit_order, [first_exit(P, Exits, Mark, S) || P <- Ps]};
expect(error, S) -> {error, maps:get(last, S)}.

safe(F) ->
    try {ok, F()}
    catch throw:{error_noproc} -> {error, noproc};
          throw:{error_badarg} -> {error, badarg}
    end.

state(Pid, Exits) ->
    case is_process_alive(Pid) of
        true -> alive;
        false -> {dead, exit_reason(Pid, Exits)}
    end.

exit_reason(Pid, Exits) ->
    case lists:keyfind(Pid, 1, Exits) of
        {_, R, _} -> R;
        false -> unknown
    end.

restarts(Pid) ->
    case ets:lookup(cc_def, {def, Pid}) of
        [{_, Key}] ->
            case ets:lookup(cc_def, {starts, Key}) of
                [{_, N}] -> max(N - 1, 0);
                [] -> 0
            end;
        [] -> none
    end.

first_exit(P, Exits, Mark, S) ->
    Match = case P of
                {name, N} -> fun(Pid) -> name_of(Pid) =:= N end;
                _ -> case safe(fun() -> target(P, S) end) of
                         {ok, X} -> fun(Pid) -> Pid =:= X end;
                         _ -> fun(_) -> false end
                     end
            end,
    case [Ts || {Pid, _, Ts} <- Exits, Ts > Mark, Match(Pid)] of
        [] -> none;
        Tss -> lists:min(Tss)
    end.

name_of(Pid) ->
    case ets:lookup(cc_inc, {pid, Pid}) of
        [{_, N, _, _}] -> N;
        [] -> undefined
    end.

%% mailbox: a worker's is what its handle_info got; a live plain process's
%% is its real queue; a dead one's is what it had received (traced) and not
%% taken out by receive/flush.
mailbox(Pid, S) ->
    case {kind(Pid), is_process_alive(Pid)} of
        {worker, true} ->
            {messages, Ms} = process_info(Pid, messages),
            inbox(Pid) ++ [M || M <- Ms, not driver_message(M)];
        {worker, false} ->
            Unread = case ets:lookup(cc_inc, {unread, Pid}) of
                         [{_, Ms}] -> Ms;
                         [] -> []
                     end,
            inbox(Pid) ++ Unread ++ [M || {P, M} <- received(), P =:= Pid, not driver_message(M)];
        {_, true} -> {messages, Ms} = process_info(Pid, messages), Ms;
        {plain, false} ->
            Got = drop_call_end(Pid, drop_replies(Pid, [M || {P, M} <- received(), P =:= Pid, not driver_message(M)])),
            lists:nthtail(min(length(Got), maps:get(Pid, maps:get(removed, S), 0)), Got);
        _ -> []
    end.

%% driver_message reports whether a message is the driver's own (a request
%% or the ready signal of a spawn), which is no part of a mailbox.
driver_message(M) ->
    Key = key(),
    case M of
        {?READY, Key, _} -> true;
        _ -> control(M) =/= user
    end.

%% replies are the replies Pid's calls returned, the latest first.
replies(Pid) ->
    case ets:lookup(cc_inc, {replies, Pid}) of
        [{_, Rs}] -> Rs;
        [] -> []
    end.

%% drop_replies removes from Got, for each reply a call of Pid returned in
%% turn, the first message that carried it: {Tag, Reply} with Tag
%% [alias|Ref], or a plain ref for a call with timeout infinity. Any other
%% message, ref-tagged or not, stays.
drop_replies(Pid, Got) ->
    lists:foldl(fun(R, Acc) -> drop_first(fun(M) -> carries_reply(M, R) end, Acc) end,
                Got, lists:reverse(replies(Pid))).

carries_reply({[alias | Ref], R}, R) -> is_reference(Ref);
carries_reply({Ref, R}, R) -> is_reference(Ref);
carries_reply(_, _) -> false.

drop_first(Match, Got) ->
    case lists:splitwith(fun(M) -> not Match(M) end, Got) of
        {Before, [_ | After]} -> Before ++ After;
        _ -> Got
    end.

%% drop_call_end removes what ended a call of Pid: the last DOWN from its
%% server, or the two receive timeouts of gen:do_call/4 (after Timeout,
%% then after 0); the caller died at once.
drop_call_end(Pid, Got) ->
    case ets:lookup(cc_inc, {call_end, Pid}) of
        [{_, {down, Server, Why}}] ->
            drop_last(fun({'DOWN', _, process, S, W}) -> {S, W} =:= {Server, Why}; (_) -> false end, Got);
        [{_, timeout}] -> drop_last(fun(M) -> M =:= timeout end, drop_last(fun(M) -> M =:= timeout end, Got));
        [] -> Got
    end.

drop_last(Match, Got) -> lists:reverse(drop_first(Match, lists:reverse(Got))).

latest_all() ->
    [{N, C} || {{count, N}, C} <- ets:tab2list(cc_inc)].

%% ---------------------------------------------------------------------
%% Tracer: collects exits (all known processes) and receives (plain ones).

%% Cuts holds, per process, when its receives were last forgotten.
tracer(Exits, Recv, Cuts) ->
    receive
        {trace_ts, Pid, exit, R, Ts} -> tracer([{Pid, R, Ts} | Exits], Recv, Cuts);
        {trace_ts, Pid, 'receive', M, Ts} ->
            case maps:get(Pid, Cuts, none) of
                Cut when Cut =/= none, Ts =< Cut -> tracer(Exits, Recv, Cuts);
                _ -> tracer(Exits, [{Pid, M} | Recv], Cuts)
            end;
        {trace, Pid, 'receive', M} -> tracer(Exits, [{Pid, M} | Recv], Cuts);
        {forget, Pid, Cut} -> tracer(Exits, [X || X = {P, _} <- Recv, P =/= Pid], Cuts#{Pid => Cut});
        {trace_ts, _, _, _, _} -> tracer(Exits, Recv, Cuts);
        {trace_ts, _, _, _, _, _} -> tracer(Exits, Recv, Cuts);
        {get, From, Tag} ->
            From ! {Tag, lists:reverse(Exits), lists:reverse(Recv)},
            tracer(Exits, Recv, Cuts)
    end.

tracer_data() ->
    Ref = erlang:trace_delivered(all),
    receive {trace_delivered, all, Ref} -> ok end,
    [{_, Tracer}] = ets:lookup(cc_inc, tracer),
    Tag = make_ref(),
    Tracer ! {get, self(), Tag},
    receive {Tag, Exits, Recv} -> {Exits, Recv} end.

exits() -> element(1, tracer_data()).
received() -> element(2, tracer_data()).

%% ---------------------------------------------------------------------
%% The final dump

final(Config, S) ->
    F = maps:get(out, S),
    settle(),
    flush_exits(F),
    {Exits, _} = tracer_data(),
    lists:foreach(
      fun({N, C}) ->
              [{_, Pid, _, _}] = ets:lookup(cc_inc, {inc, N, C}),
              out(F, {final, N, C, state(Pid, Exits), mailbox(Pid, S), restarts(Pid)})
      end, lists:sort(latest_all())),
    [out(F, {registry, N, whereis(reg(N))}) || N <- maps:get(reg_names, Config, [])],
    out(F, done).

%% flush_exits writes the exits traced since the last flush: every exit
%% that happened before the call.
flush_exits(F) ->
    {Exits, _} = tracer_data(),
    Sent = get(cc_exits_out),
    [out(F, {exit, Pid, R, Ts}) || {Pid, R, Ts} <- lists:nthtail(Sent, Exits)],
    put(cc_exits_out, length(Exits)).
