%% cc_sup is a supervisor of a crashcourse scenario: its flags and child
%% specs come from the scenario, children are cc_worker gen_servers or
%% cc_sup supervisors.
-module(cc_sup).
-behaviour(supervisor).

-export([start_top/1, start_link/1, child_spec/1, init/1]).

%% start_top starts a top-level supervisor linked to the driver, its parent.
start_top(Spec) -> supervisor:start_link(?MODULE, {Spec, top}).

%% start_link starts a supervisor as the child of another, with OTP's own
%% supervisor:start_link; the driver only counts successful starts.
start_link(Spec) ->
    Key = {maps:get(def, Spec), maps:get(name, Spec)},
    cc_driver:started(Key, supervisor:start_link(?MODULE, {Spec, Key})).

init({Spec, Key}) ->
    cc_driver:incarnation(maps:get(name, Spec), self(), supervisor),
    case Key of
        top -> ok;
        _ -> ets:insert(cc_def, {{def, self()}, Key})
    end,
    Flags = maps:with([strategy, intensity, period, auto_shutdown], Spec),
    {ok, {Flags, [child_spec(C) || C <- maps:get(children, Spec)]}}.

child_spec(C = #{kind := worker, name := Name}) ->
    (common(C))#{id => Name, start => {cc_worker, start_link, [C]}, type => worker, modules => [Name]};
child_spec(C = #{kind := supervisor, name := Name, sup := Spec}) ->
    (common(C))#{id => Name, start => {cc_sup, start_link, [Spec#{def => maps:get(def, C)}]},
                 type => supervisor, modules => [Name]}.

common(C) -> maps:with([restart, shutdown, significant], C).
