package lessons

// ProgressStore is where a Tutor keeps a learner's progress: the file
// Store for the program's own user, or a host's record of one learner
// among many (crashcourse serve keeps each in its database).
type ProgressStore interface {
	// Load reads the progress; a learner with none has an empty one.
	Load() (*Progress, error)
	// Save writes p whole, replacing what was kept.
	Save(p *Progress) error
}

// Recorder is a ProgressStore that keeps more than the progress: every
// move the learner makes through a Tutor (an exercise opened, a check
// with its verdict, a hint), for a host that shows them to an
// instructor. A Tutor whose store is a Recorder calls Record after every
// move, in place of Save, so that the move and the progress it left are
// written together; even a failed check, which changes no progress.
type Recorder interface {
	ProgressStore
	Record(p *Progress, m Move) error
}

// MoveKind is what a learner did.
type MoveKind uint8

const (
	// MoveOpen opened an exercise (Open, OpenExercise, Next) on its
	// starting world: the learner's answer starts again.
	MoveOpen MoveKind = iota
	// MoveReset put the open exercise back on its starting world.
	MoveReset
	// MoveCheck checked an answer or a prediction: Move.Verdict says
	// how it went.
	MoveCheck
	// MoveHint showed a hint.
	MoveHint
)

// Move is one move of a learner, as a Recorder is told it.
type Move struct {
	Kind MoveKind
	// Lesson and Exercise are where the learner is after the move:
	// the open lesson's number in the catalogue and the open exercise's
	// in the lesson, both from 1.
	Lesson, Exercise int
	// Verdict is the check's, for MoveCheck; nil for the others.
	Verdict *Verdict
}
