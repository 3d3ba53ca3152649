/// Namespace for the SafaBotTestSupport module; its parts are being built (see the issues).
public enum SafaBotTestSupportModule {}
