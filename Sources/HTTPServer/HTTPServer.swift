/// Namespace for the HTTPServer module; its parts are being built (see the issues).
public enum HTTPServerModule {}
