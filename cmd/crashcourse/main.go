// Command crashcourse teaches Erlang/OTP fault tolerance by simulation.
//
//	crashcourse                      run the built-in tour and show its cascade
//	crashcourse run FILE.scn... [--seed N] [--trace FILE|-] [-v]
//	crashcourse scenarios            list the built-in scenarios
//	crashcourse help [repl|lesson]   every subcommand and flag, and the language
package main

import "os"

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
