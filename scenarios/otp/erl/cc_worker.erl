%% cc_worker is a supervised worker of a crashcourse scenario: a gen_server
%% honouring the worker options of the command language.
%%   trap_exit    process_flag(trap_exit, true) in init/1
%%   terminate    how long terminate/2 runs when its supervisor stops it
%%   init         the results of init/1, consumed one per start across
%%                restarts, the last one repeating: ok, ignore,
%%                {error, R} (returns {stop, R}), {crash, R} (erlang:error(R))
%%   init_time    how long init/1 takes
%%   register     gen_server:start_link({local, Name}, ...)
%%   call_time    how long handle_call/3 takes before it replies ok
%% Messages it gets (and trapped exits from others than its parent) go to
%% handle_info/2, which keeps them in the table cc_inbox: that, followed by
%% what is still unread in its queue (while it hangs or serves a call; for a
%% dead one, what was unread when it died), is its mailbox
%% as the simulator shows it. The driver's commands arrive as
%% {'$cc', Key, From, Tag, Action} (cc_driver:control/1) and run here, in
%% the worker.
-module(cc_worker).
-behaviour(gen_server).

-export([start_link/1, start_link/2]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2]).

start_link(C) -> start_link(C, maps:get(name, C)).

%% start_link/2 is also the start of simple_one_for_one children: the extra
%% argument is the dynamic child's name. The start is OTP's own, unchanged:
%% an older incarnation of the name still alive is no obstacle, and a
%% registered name that is taken fails it with {already_started, Holder}
%% before any process starts. The driver only counts successful starts.
start_link(C, Name) ->
    Key = {maps:get(def, C), Name},
    Result = case maps:get(register, C) of
                 undefined -> gen_server:start_link(?MODULE, {C, Name, Key}, []);
                 Reg -> gen_server:start_link({local, Reg}, ?MODULE, {C, Name, Key}, [])
             end,
    cc_driver:started(Key, Result).

init({C, Name, Key}) ->
    cc_driver:incarnation(Name, self(), worker),
    ets:insert(cc_def, {{def, self()}, Key}),
    process_flag(trap_exit, maps:get(trap_exit, C)),
    Init = cc_driver:next_init(Key, maps:get(init, C)),
    cc_driver:sleep(maps:get(init_time, C)),
    case Init of
        ok -> {ok, C};
        ignore -> ignore;
        {error, R} -> {stop, R};
        {crash, R} -> erlang:error(R)
    end.

%% handle_call/3 serves a request in call_time and replies ok. What
%% arrives meanwhile stays unread; it is traced, so that a worker killed
%% while it serves shows the queue it died with.
handle_call(_, _, C) ->
    case maps:get(call_time, C) of
        T when T > 0 ->
            cc_driver:trace_receives(true),
            cc_driver:sleep(T),
            cc_driver:trace_receives(false);
        _ -> ok
    end,
    {reply, ok, C}.

handle_cast(_, C) -> {noreply, C}.

handle_info(Msg, C) ->
    case cc_driver:control(Msg) of
        {act, From, Tag, Action} -> act(From, Tag, Action);
        user -> cc_driver:inbox_add(self(), Msg)
    end,
    {noreply, C}.

act(From, Tag, Action) ->
    put('$cc_acting', true),
    R = cc_driver:perform(Action),
    From ! {'$cc_ack', Tag, R},
    case R of
        {calling, Call} -> Call();
        _ -> ok
    end,
    erase('$cc_acting'),
    case R of
        hang -> hang();
        _ -> ok
    end.

%% A hung worker runs none of its code until recover: what arrives meanwhile
%% stays unread in its queue (a stop from its supervisor too). Its receives
%% are traced meanwhile, so that the queue it dies with can be shown.
hang() ->
    Key = cc_driver:key(),
    cc_driver:trace_receives(true),
    receive {'$cc', Key, From, Tag, recover} -> ok end,
    cc_driver:trace_receives(false),
    From ! {'$cc_ack', Tag, ok}.

%% terminate/2 takes its time only when the supervisor stops the worker; a
%% crash or exit/1 of its own ends it at once, as in the simulator. What is
%% unread in its queue is the mailbox it dies with: noted when terminate
%% begins and ends, and traced meanwhile in case it is killed.
terminate(_, C) ->
    note_unread(),
    case get('$cc_acting') of
        true -> ok;
        _ ->
            cc_driver:trace_receives(true),
            cc_driver:sleep(maps:get(terminate, C)),
            cc_driver:trace_receives(false),
            note_unread()
    end.

note_unread() ->
    {messages, Unread} = process_info(self(), messages),
    cc_driver:unread(self(), Unread).
