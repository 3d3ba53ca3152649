/// Namespace for the BotRuntime module; its parts are being built (see the issues).
public enum BotRuntimeModule {}
