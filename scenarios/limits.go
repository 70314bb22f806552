package scenarios

// MaxFileBytes is the largest scenario file any command reads (run,
// verify, export and the REPL's load, 16 MiB): a longer one is refused with
// a message, so a single file cannot take all the memory.
const MaxFileBytes = 16 << 20
