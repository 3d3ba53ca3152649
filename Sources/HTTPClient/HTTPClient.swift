/// Namespace for the HTTPClient module; its parts are being built (see the issues).
public enum HTTPClientModule {}
