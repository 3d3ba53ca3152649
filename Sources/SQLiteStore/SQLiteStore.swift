/// Namespace for the SQLiteStore module; its parts are being built (see the issues).
public enum SQLiteStoreModule {}
