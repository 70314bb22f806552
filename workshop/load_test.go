package workshop

import (
	"fmt"
	"io"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// loadClients is how many learners the load test seats at once.
const loadClients = 50

// rawTerm is a learner for the load test: an SSH session with a pty whose
// output is only timed, not drawn.
type rawTerm struct {
	client *gossh.Client
	sess   *gossh.Session
	in     io.Writer
	frames chan time.Time // when output arrived
}

func connectRaw(addr, user string, key gossh.Signer) (*rawTerm, error) {
	c, err := dialConn(addr, user, key)
	if err != nil {
		return nil, err
	}
	sess, err := c.NewSession()
	if err != nil {
		return nil, err
	}
	if err := sess.RequestPty("xterm-256color", 30, 100, gossh.TerminalModes{}); err != nil {
		return nil, err
	}
	in, _ := sess.StdinPipe()
	out, _ := sess.StdoutPipe()
	rt := &rawTerm{client: c, sess: sess, in: in, frames: make(chan time.Time, 1024)}
	go func() {
		buf := make([]byte, 32<<10)
		for {
			if _, err := out.Read(buf); err != nil {
				return
			}
			select {
			case rt.frames <- time.Now():
			default:
			}
		}
	}()
	return rt, sess.Shell()
}

// settle waits until no output came for quiet.
func (rt *rawTerm) settle(quiet time.Duration) {
	for {
		select {
		case <-rt.frames:
		case <-time.After(quiet):
			return
		}
	}
}

// press types key and returns how long the first output after it took.
func (rt *rawTerm) press(key string) (time.Duration, error) {
	rt.settle(5 * time.Millisecond)
	t0 := time.Now()
	if _, err := io.WriteString(rt.in, key); err != nil {
		return 0, err
	}
	select {
	case t := <-rt.frames:
		return t.Sub(t0), nil
	case <-time.After(waitFor):
		return 0, fmt.Errorf("no frame after %q", key)
	}
}

// learnerKeys is what each learner of the load test types: moves in the
// tree (each redraws it), a command typed letter by letter (each letter
// redraws the input line) and run, more moves. Every key changes the
// screen, so every key is answered by a frame.
var learnerKeys = slices.Concat(
	[]string{"j", "\x1b[A", "j", "\x1b[A", ":"},
	splitKeys("spawn extra"),
	[]string{"\r", "j", "\x1b[A", "j", "\x1b[A"},
)

// checkKeys open the command line and type check; the Enter after them
// is the check, timed apart.
var checkKeys = append([]string{":"}, splitKeys("check")...)

func splitKeys(s string) []string {
	var out []string
	for _, r := range s {
		out = append(out, string(r))
	}
	return out
}

// TestLoadFiftyLearners seats 50 learners at once, each typing
// learnerKeys at a typing pace, and reports the median and 95th
// percentile of keystroke-to-frame (the first output after a key), the
// median time of a check to its verdict, and the heap per idle session.
// It asserts only that every key was answered: times depend on the
// machine.
func TestLoadFiftyLearners(t *testing.T) {
	if testing.Short() {
		t.Skip("the load test seats 50 SSH sessions")
	}
	srv := start(t, Config{Dir: t.TempDir()})
	before := heapInUse()
	terms := make([]*rawTerm, loadClients)
	for i := range terms {
		rt, err := connectRaw(srv.addr, fmt.Sprintf("learner%02d", i), newKey(t))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { rt.sess.Close(); rt.client.Close() })
		terms[i] = rt
	}
	for _, rt := range terms {
		rt.settle(300 * time.Millisecond)
	}
	perSession := (heapInUse() - before) / loadClients
	keys, checks := typeAll(t, terms)
	t.Logf("%d learners, %d keys: keystroke-to-frame median %v, p95 %v, max %v",
		loadClients, len(keys), percentile(keys, 50), percentile(keys, 95), percentile(keys, 100))
	t.Logf("check to verdict over SSH: median %v, max %v", percentile(checks, 50), percentile(checks, 100))
	t.Logf("heap per idle session (server and client sides): %.1f MB", float64(perSession)/(1<<20))
}

// typeAll has every learner type learnerKeys then :check, all at once.
func typeAll(t *testing.T, terms []*rawTerm) (keys, checks []time.Duration) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, rt := range terms {
		wg.Go(func() {
			var mine, check []time.Duration
			typed := slices.Concat(learnerKeys, checkKeys, []string{"\r"})
			for i, k := range typed {
				d, err := rt.press(k)
				if err != nil {
					t.Error(err)
					return
				}
				if i == len(typed)-1 {
					check = append(check, d)
				} else {
					mine = append(mine, d)
				}
				time.Sleep(30 * time.Millisecond)
			}
			mu.Lock()
			keys, checks = append(keys, mine...), append(checks, check...)
			mu.Unlock()
		})
	}
	wg.Wait()
	return keys, checks
}

func percentile(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[min(len(s)*p/100, len(s)-1)].Round(10 * time.Microsecond)
}

func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}
