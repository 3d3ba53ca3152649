import CMalloc
import SafaBotCLI

#if canImport(Glibc)
    import Glibc
#endif

// At most two malloc arenas, set before any thread starts. glibc gives each thread that contends for the
// allocator an arena of its own (up to eight per core); the bot's dozen threads then each keep freed memory
// apart, which cost about 3 MiB of peak memory under load and no measurable CPU when capped.
_ = mallopt(M_ARENA_MAX, 2)

exit(SafaBot.main(Array(CommandLine.arguments.dropFirst())))
