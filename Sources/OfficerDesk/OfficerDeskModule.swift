/// Namespace for the officers' side: queues, cases, claim and release, working hours, the officer API.
///
/// Everything here is pure: time is passed in, and what the outside world must do comes back as
/// ``CaseEffect`` values for the runtime to commit and deliver.
public enum OfficerDeskModule {}
