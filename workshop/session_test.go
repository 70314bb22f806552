package workshop

import (
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
)

// panicky is an app that panics on its first key.
type panicky struct{}

func (panicky) Init() tea.Cmd { return nil }
func (panicky) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.KeyPressMsg); ok {
		panic("a bug in one session")
	}
	return panicky{}, nil
}
func (panicky) View() tea.View { return tea.NewView("press a key") }

// TestAPanicEndsOnlyItsSession: the session whose app panics is told and
// closed; another session goes on.
func TestAPanicEndsOnlyItsSession(t *testing.T) {
	srv := start(t, Config{Dir: t.TempDir()}, func(s *Server) {
		s.app = func(sess ssh.Session, ss *session) (tea.Model, func(), error) {
			if sess.User() == "buggy" {
				return panicky{}, nil, nil
			}
			return s.appOf(sess, ss)
		}
	})
	other := connect(t, srv.addr, "ada", newKey(t))
	other.waitText(inLesson(1))
	buggy := connect(t, srv.addr, "buggy", newKey(t))
	buggy.waitText("press a key")
	buggy.send("x")
	buggy.waitText("sorry, a bug in crashcourse ended your session")
	select {
	case <-buggy.ended:
	case <-time.After(waitFor):
		t.Fatal("the panicked session stayed open")
	}
	other.send("L")
	other.waitText("Lesson 1: ") // the lesson's page
}

// TestTheRoomIsFull: past MaxSessions a session is refused with a message.
func TestTheRoomIsFull(t *testing.T) {
	srv := start(t, Config{Dir: t.TempDir(), MaxSessions: 1})
	connect(t, srv.addr, "ada", newKey(t)).waitText(inLesson(1))
	late := connect(t, srv.addr, "bob", newKey(t))
	late.waitText("the room is full (1 sessions)")
}

// TestIdleSessionsAreClosed: a session without a key for IdleTimeout is
// closed with a message.
func TestIdleSessionsAreClosed(t *testing.T) {
	srv := start(t, Config{Dir: t.TempDir(), IdleTimeout: 200 * time.Millisecond})
	tm := connect(t, srv.addr, "ada", newKey(t))
	tm.waitText("closed after 200ms without a key")
}

// TestShutdownTellsSessions: stopping the server tells a connected
// learner and records their time.
func TestShutdownTellsSessions(t *testing.T) {
	dir := t.TempDir()
	srv := start(t, Config{Dir: dir})
	tm := connect(t, srv.addr, "ada", newKey(t))
	tm.waitText(inLesson(1))
	time.Sleep(50 * time.Millisecond)
	srv.stop()
	tm.waitText("the server is shutting down; your progress is saved")
	st, err := OpenStore(dir + "/" + dbName)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	recs, _ := st.All()
	if len(recs) != 1 || recs[0].Spent < 50*time.Millisecond {
		t.Fatalf("records after shutdown: %+v", recs)
	}
}

// TestInstructorMovesTheRoom: the instructor sees a learner's failed
// check and world, moves the room to lesson 2, and the learner is there.
func TestInstructorMovesTheRoom(t *testing.T) {
	_, lr, in := roomWithAFailedCheck(t, t.TempDir())
	in.send("\r")
	in.waitText("last failed check")
	in.send("m")
	in.waitText("move the room to lesson:")
	in.send("2\r")
	in.waitText("the room moved to lesson 2")
	lr.waitText("The instructor moved the room to lesson 2")
	lr.waitText(inLesson(2))
	in.waitText("2.1")
}

// TestReconnectingTakesOver: the same key connecting again closes its
// older session, saying why, and the new one has the same progress.
func TestReconnectingTakesOver(t *testing.T) {
	srv := start(t, Config{Dir: t.TempDir()})
	key := newKey(t)
	first := connect(t, srv.addr, "ada", key)
	first.waitText(inLesson(1))
	first.lesson("next")
	first.waitText("exercise 2 of")
	second := connect(t, srv.addr, "ada", key)
	second.waitText("exercise 2 of")
	first.waitText("you connected again from elsewhere")
}

// TestTimeIsCountedWhileConnected: a learner's time is written every tick
// of the session's watch, not only when they leave, so a server killed
// outright loses at most a tick of it.
func TestTimeIsCountedWhileConnected(t *testing.T) {
	srv := start(t, Config{Dir: t.TempDir(), IdleTimeout: 400 * time.Millisecond})
	tm := connect(t, srv.addr, "ada", newKey(t))
	tm.waitText(inLesson(1))
	deadline := time.Now().Add(waitFor)
	for time.Now().Before(deadline) {
		recs, err := srv.srv.store.All()
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) == 1 && recs[0].Spent > 0 {
			select {
			case <-tm.ended:
				t.Fatal("counted only as the session ended")
			default:
			}
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("no time counted while connected")
}

// TestSessionsKeepTimeByConfigNow: a session's idle time and the time it
// counts come from Config.Now, not the wall clock. While that clock
// stands still the session outlives its idle timeout in real time; once
// it moves an hour on, the session is closed as idle and exactly that
// hour is counted.
func TestSessionsKeepTimeByConfigNow(t *testing.T) {
	t0 := time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)
	var clock atomic.Int64
	clock.Store(t0.UnixNano())
	now := func() time.Time { return time.Unix(0, clock.Load()).UTC() }
	dir := t.TempDir()
	srv := start(t, Config{Dir: dir, IdleTimeout: 100 * time.Millisecond, Now: now})
	tm := connect(t, srv.addr, "ada", newKey(t))
	tm.waitText(inLesson(1))
	time.Sleep(300 * time.Millisecond)
	select {
	case <-tm.ended:
		t.Fatal("closed as idle by the wall clock")
	default:
	}
	clock.Store(t0.Add(time.Hour).UnixNano())
	tm.waitText("closed after 100ms without a key")
	<-tm.ended
	srv.stop()
	st, err := OpenStore(dir + "/" + dbName)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	recs, err := st.All()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 || recs[0].Spent != time.Hour {
		t.Fatalf("time counted: %+v", recs)
	}
}
