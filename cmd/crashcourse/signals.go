package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

// signalled is the cause of a context that a signal ended.
type signalled struct{ sig os.Signal }

func (s signalled) Error() string { return "stopped by " + s.sig.String() }

// number is the signal's number, for the exit status 128+N shells expect.
func (s signalled) number() int {
	if n, ok := s.sig.(syscall.Signal); ok {
		return int(n)
	}
	return 0
}

// stopOnSignal returns a context that SIGINT or SIGTERM ends, with the
// signal as its cause, so that a command can stop what it started and
// clean up instead of dying with it; stop releases the signals.
func stopOnSignal() (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		select {
		case s := <-sigs:
			cancel(signalled{s})
		case <-ctx.Done():
		}
	}()
	return ctx, func() {
		signal.Stop(sigs)
		cancel(nil)
	}
}
