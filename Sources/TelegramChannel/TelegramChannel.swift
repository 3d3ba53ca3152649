/// Namespace for the TelegramChannel module; its parts are being built (see the issues).
public enum TelegramChannelModule {}
