package sim

// MsgKind tells what a mailbox message is.
type MsgKind uint8

// Message kinds.
const (
	MsgPlain MsgKind = iota // a term sent with send/send_after
	MsgExit                 // {'EXIT', From, Reason} from a trapped exit signal
	MsgDown                 // {'DOWN', Ref, process, Object, Reason}
	MsgCall                 // {'$gen_call', {From, Tag}, Request}: a call to a supervisor
	MsgCast                 // {'$gen_cast', Request}: a supervisor's note to itself
	MsgAck                  // {ack, From, Result}: a started child's init is done
	MsgReq                  // {'$gen_call', {From, _}, Request}, the whole term in Term: a gen_server call; Aux: the call
)

// Message is one message in a mailbox, kept compact; World.MessageTerm
// builds the Erlang term it stands for.
type Message struct {
	Kind MsgKind
	From Pid    // MsgExit: the sender of the signal
	Term TermID // MsgPlain: the message; MsgExit, MsgDown: the reason
	Aux  int32  // MsgDown: the monitor; MsgCall: the call; MsgCast, MsgAck: what kind
}

// MessageTerm is the Erlang term of m as a receive would see it.
func (w *World) MessageTerm(m Message) Term {
	switch m.Kind {
	case MsgExit:
		return Tuple{Atom("EXIT"), m.From, w.terms[m.Term]}
	case MsgDown:
		mon := &w.mons[m.Aux]
		return Tuple{Atom("DOWN"), mon.ref, Atom("process"), w.monitorObject(mon), w.terms[m.Term]}
	case MsgCall:
		return Tuple{Atom("$gen_call"), Tuple{m.From, Atom("call")}, w.terms[m.Term]}
	case MsgCast:
		return Tuple{Atom("$gen_cast"), w.terms[m.Term]}
	case MsgAck:
		return Tuple{Atom("ack"), m.From, w.ackResult(m)}
	default:
		return w.terms[m.Term]
	}
}

func (w *World) ackResult(m Message) Term {
	switch m.Aux {
	case ackOK:
		return Tuple{atomOK, m.From}
	case ackIgnore:
		return Atom("ignore")
	}
	return errorTerm(w.terms[m.Term])
}

// deliver puts m in the mailbox of the live process to. A supervisor then
// gets to work on it at once.
func (w *World) deliver(to Pid, m Message) {
	e := w.extra(w.proc(to))
	e.mailbox = append(e.mailbox, m)
	if e.sup != nil {
		w.supRun(e.sup)
	}
}

// Dest is where a message goes: a pid, or a registered name looked up when
// the send happens (Name non-empty).
type Dest struct {
	Pid  Pid
	Name string
}

// Send makes actor send msg to dest (Dest ! Msg). Sending to a dead pid is
// silently dropped; sending to an unregistered name raises badarg in the
// sender (fact C18).
func (w *World) Send(actor Pid, dest Dest, msg Term) error {
	if err := w.checkActor(actor); err != nil {
		return err
	}
	to, err := w.resolveSend(actor, dest)
	if err != nil || to == 0 {
		return err
	}
	id := w.intern(msg)
	s := w.record(Entry{Kind: KindSend, Pid: actor, Other: to, Term: id, Cause: w.cause})
	w.q.pushNow(event{kind: evMessage, to: to, from: actor, term: id, cause: s})
	return nil
}

// resolveSend returns the pid a send goes to; 0 with a nil error means the
// actor crashed with badarg.
func (w *World) resolveSend(actor Pid, dest Dest) (Pid, error) {
	if dest.Name == "" {
		return dest.Pid, w.checkTarget(dest.Pid)
	}
	if to, ok := w.registry[dest.Name]; ok {
		return to, nil
	}
	return 0, w.raise(actor, tBadargError, "send to @"+dest.Name, "no process is registered as "+dest.Name)
}

// deliverMessage puts a sent message in a live receiver's mailbox; a dead
// receiver's mailbox is frozen, so the message is dropped.
func (w *World) deliverMessage(e event) {
	entry := Entry{Kind: KindMessage, Pid: e.to, Other: e.from, Term: e.term, Cause: e.cause}
	if !w.proc(e.to).alive() {
		entry.Flags = FlagDropped
		w.record(entry)
		return
	}
	s := w.record(entry)
	saved := w.cause
	w.cause = s
	if e.flags&evFlagCall != 0 {
		w.deliver(e.to, Message{Kind: MsgReq, From: e.from, Term: e.term, Aux: int32(e.aux)})
		w.workerNext(e.to, s)
	} else {
		w.deliver(e.to, Message{Kind: MsgPlain, Term: e.term})
	}
	w.cause = saved
}

// Mailbox returns p's messages, oldest first. A dead process keeps the
// mailbox it had when it died. The slice must not be modified.
func (w *World) Mailbox(p Pid) []Message {
	if !w.Exists(p) {
		return nil
	}
	if e := w.extOf(w.proc(p)); e != nil {
		return e.mailbox
	}
	return nil
}

// Receive removes and returns the oldest message in p's mailbox; ok is false
// when it is empty. p must be alive: a dead process receives nothing.
func (w *World) Receive(p Pid) (m Message, ok bool, err error) {
	if err := w.checkTarget(p); err != nil {
		return m, false, err
	}
	if err := w.checkActor(p); err != nil {
		return m, false, err
	}
	box := w.Mailbox(p)
	if len(box) == 0 {
		return m, false, nil
	}
	m = box[0]
	w.extOf(w.proc(p)).mailbox = box[1:]
	id := m.Term
	if m.Kind != MsgPlain {
		id = w.intern(w.MessageTerm(m))
	}
	w.record(Entry{Kind: KindReceive, Pid: p, Term: id, Cause: w.cause})
	return m, true, nil
}

// Flush removes and returns all of p's messages, oldest first.
func (w *World) Flush(p Pid) ([]Message, error) {
	var out []Message
	for {
		m, ok, err := w.Receive(p)
		if err != nil || !ok {
			return out, err
		}
		out = append(out, m)
	}
}
