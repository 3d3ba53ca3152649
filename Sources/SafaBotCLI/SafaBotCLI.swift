/// Namespace for the SafaBotCLI module; its parts are being built (see the issues).
public enum SafaBotCLIModule {}
