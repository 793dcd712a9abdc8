%% The process benchmarks of dev.wippy.bench.ProcessBench, in Erlang: spawn rate (monitored processes that
%% return at once, wait for every 'DOWN'), memory per idle process (blocked in receive), and a ring of processes
%% passing a counter. Prints "name value" lines. Usage: erl -noshell -run procs main SPAWNS IDLE SIZE HOPS -s init stop
-module(procs).
-export([main/1]).

main([Spawns, Idle, Size, Hops]) ->
    [S, I, R, H] = [list_to_integer(A) || A <- [Spawns, Idle, Size, Hops]],
    spawner(min(S, 10000)),
    io:format("spawns_per_second ~.1f~n", [S / seconds(fun() -> spawner(S) end)]),
    io:format("bytes_per_idle_process ~.1f~n", [idle(I)]),
    ring(R, min(H, 100000)),
    io:format("ring_messages_per_second ~.1f~n", [H / seconds(fun() -> ring(R, H) end)]).

seconds(F) ->
    T0 = erlang:monotonic_time(),
    F(),
    erlang:convert_time_unit(erlang:monotonic_time() - T0, native, microsecond) / 1.0e6.

spawner(N) ->
    [spawn_monitor(fun() -> ok end) || _ <- lists:seq(1, N)],
    [receive {'DOWN', _, process, _, _} -> ok end || _ <- lists:seq(1, N)],
    ok.

idle(N) ->
    erlang:garbage_collect(),
    Before = erlang:memory(processes),
    Pids = [spawn(fun() -> receive stop -> ok end end) || _ <- lists:seq(1, N)],
    timer:sleep(200),
    After = erlang:memory(processes),
    [P ! stop || P <- Pids],
    (After - Before) / N.

ring(Size, Hops) ->
    Self = self(),
    Nodes = [spawn(fun() -> ring_node(Self) end) || _ <- lists:seq(1, Size)],
    Nexts = tl(Nodes) ++ [hd(Nodes)],
    [N ! {next, Next} || {N, Next} <- lists:zip(Nodes, Nexts)],
    hd(Nodes) ! {hop, Hops},
    receive done -> ok end,
    [exit(N, kill) || N <- Nodes],
    ok.

ring_node(Observer) ->
    receive {next, Next} -> ring_loop(Observer, Next) end.

ring_loop(Observer, Next) ->
    receive
        {hop, 0} -> Observer ! done, ring_loop(Observer, Next);
        {hop, N} -> Next ! {hop, N - 1}, ring_loop(Observer, Next)
    end.
