%% export_check: starts exported supervision trees on a real node, for the
%% export tests, Erlang (run with erl) or Elixir (run with elixir). Input: a
%% file of terms {Index, Lang, Dir, Tops, Blocks}, one per export: erlang or
%% elixir, the directory holding its compiled modules (none when they are
%% already on the code path), its top supervisor modules and the shell
%% snippets its comments suggest. For each export, in turn: load its
%% modules, start each top supervisor and check that it is alive and
%% registered, evaluate each snippet expression by expression (none may
%% raise or answer already_present / already_started), stop the trees and
%% unload the modules. Prints one line per check: "Index start Mod ok",
%% "Index hint ok", or the same with "error Why".
-module(export_check).
-export([main/1]).

main([Input]) ->
    %% Crash and supervisor reports would mix with the report: the report
    %% says what failed.
    ok = logger:set_primary_config(level, none),
    process_flag(trap_exit, true),
    {ok, Exports} = file:consult(Input),
    lists:foreach(fun check/1, Exports),
    halt().

check({Index, Lang, Dir, Tops, Blocks}) ->
    Mods = load(Dir),
    Started = [start(Index, Lang, Top) || Top <- Tops],
    case lists:all(fun(S) -> element(1, S) =:= ok end, Started) of
        true -> [report(Index, "hint", eval(Lang, B)) || B <- Blocks];
        false -> ok
    end,
    [stop(Pid) || {ok, Pid} <- Started],
    [unload(M) || M <- Mods],
    ok.

load(none) -> [];
load(Dir) ->
    Beams = filelib:wildcard(filename:join(Dir, "*.beam")),
    Mods = [list_to_atom(filename:basename(B, ".beam")) || B <- Beams],
    [{module, M} = code:load_abs(filename:join(Dir, atom_to_list(M))) || M <- Mods],
    Mods.

unload(M) ->
    code:purge(M),
    code:delete(M),
    code:purge(M).

start(Index, Lang, Mod) ->
    Result = try start_link(Lang, Mod) of
                 {ok, Pid} -> alive(Mod, Pid);
                 Other -> {error, Other}
             catch C:R -> {error, {C, R}}
             end,
    report(Index, "start " ++ atom_to_list(Mod), Result),
    Result.

%% start_link/0 of an Erlang export, start_link/1 of an Elixir one.
start_link(erlang, Mod) -> Mod:start_link();
start_link(elixir, Mod) -> Mod:start_link([]).

alive(Mod, Pid) ->
    case is_process_alive(Pid) andalso whereis(Mod) =:= Pid of
        true -> {ok, Pid};
        false -> {error, not_alive_or_not_registered}
    end.

%% A snippet is evaluated one expression at a time (an Elixir one, one
%% line at a time), each with the bindings of the ones before.
eval(erlang, Block) ->
    {ok, Toks, _} = erl_scan:string(Block),
    {ok, Exprs} = erl_parse:parse_exprs(Toks),
    Step = fun(E, B) -> {value, V, Next} = erl_eval:expr(E, B), {V, Next} end,
    lists:foldl(fun(E, Acc) -> step(Step, E, Acc) end, {ok, erl_eval:new_bindings()}, Exprs);
eval(elixir, Block) ->
    Step = fun(Line, B) -> 'Elixir.Code':eval_string(Line, B) end,
    Lines = string:split(Block, "\n", all),
    lists:foldl(fun(L, Acc) -> step(Step, L, Acc) end, {ok, []}, Lines).

step(Eval, Expr, {ok, Bindings}) ->
    try Eval(Expr, Bindings) of
        {{error, already_present} = V, _} -> {error, V};
        {{error, {already_started, _}} = V, _} -> {error, V};
        {_, Next} -> {ok, Next}
    catch C:R -> {error, {C, R}}
    end;
step(_, _, Failed) -> Failed.

stop(Pid) ->
    unlink(Pid),
    Ref = monitor(process, Pid),
    exit(Pid, shutdown),
    receive {'DOWN', Ref, process, Pid, _} -> ok
    after 10000 -> exit(Pid, kill)
    end.

report(Index, What, {ok, _}) -> io:format("~w ~s ok~n", [Index, What]);
report(Index, What, {error, Why}) -> io:format("~w ~s error ~w~n", [Index, What, Why]).
