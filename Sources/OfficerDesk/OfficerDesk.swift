/// Namespace for the officers' side: queues, cases, claim and release, working hours, the officer API.
public enum OfficerDeskModule {}
