package repl

// Limits: no input, however long or strange, may hang or exhaust the REPL.
const (
	// MaxLineBytes is the longest line the REPL reads; a longer one is
	// ignored with a message.
	MaxLineBytes = 1 << 20
	// maxOpenLines and maxOpenBytes bound a command that spans lines.
	maxOpenLines = 1000
	maxOpenBytes = 256 << 10
	// maxLoadCommands bounds the file a load runs, beside the byte limit
	// every command reading a scenario file shares (scenarios.MaxFileBytes).
	maxLoadCommands = 100_000
	// maxShownEvents and maxShownLines are how many of a command's events
	// and of the lines it printed the interactive REPL shows;
	// maxVerboseEvents bounds both in verbose script mode.
	maxShownEvents   = 200
	maxShownLines    = 1000
	maxVerboseEvents = 10_000
	// maxTraceLines bounds what one `trace` prints.
	maxTraceLines = 10_000
	// maxCandidates bounds the completions offered for one Tab.
	maxCandidates = 500
)
