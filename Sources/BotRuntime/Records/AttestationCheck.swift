public import DialogCore

/// Whether a stored request still matches what its beneficiary attested to, and if not, what differs.
///
/// It needs nothing but the stored record: the statement is checked against its own recorded hash, never
/// against the dialog file, so rewording the statement later breaks no old record.
public struct AttestationCheck: Sendable, Equatable {
    /// One way the record differs from what was attested.
    public enum Problem: Sendable, Equatable, CustomStringConvertible {
        /// The request has no attestation at all.
        case notAttested
        /// Recorded before attestations kept their data (version 1): only the statement can be checked.
        case legacyRecord
        /// The statement text no longer hashes to the recorded hash.
        case statementAltered(recorded: String, computed: String)
        /// The attested data snapshot no longer hashes to the recorded hash (the snapshot itself was edited).
        case attestedDataAltered(recorded: String, computed: String)
        /// A hash or the snapshot is missing from a version 2 record.
        case incomplete(String)
        /// A field of the stored request differs from the attested value.
        case fieldChanged(AttestedData.Difference)

        public var description: String {
            switch self {
            case .notAttested: "the request has no attestation record"
            case .legacyRecord:
                "version 1 record (before attested data was kept): the data cannot be checked, only the statement"
            case .statementAltered(let recorded, let computed):
                "the attested statement text was changed: recorded SHA-256 \(recorded), the stored text hashes to \(computed)"
            case .attestedDataAltered(let recorded, let computed):
                "the attested data snapshot was changed: recorded SHA-256 \(recorded), the snapshot hashes to \(computed)"
            case .incomplete(let what): "the attestation record is incomplete: \(what)"
            case .fieldChanged(let difference): "\(difference)"
            }
        }

        /// Problems that mean the record does not verify (a legacy record is a warning, not a failure).
        public var isFailure: Bool {
            if case .legacyRecord = self { return false }
            return true
        }
    }

    public var reference: String
    public var problems: [Problem]

    /// True when nothing that counts as a failure was found.
    public var verified: Bool { !problems.contains(where: \.isFailure) }

    /// Checks `request` against its own attestation.
    public init(_ request: SubmittedRequest) {
        reference = request.reference
        guard let attestation = request.attestation else {
            problems = [.notAttested]
            return
        }
        var problems: [Problem] = []
        let statementHash = Attestation.sha256Hex(attestation.statement)
        if let recorded = attestation.statementSHA256 {
            if recorded != statementHash { problems.append(.statementAltered(recorded: recorded, computed: statementHash)) }
        } else if (attestation.version ?? 1) >= 2 {
            problems.append(.incomplete("no statement hash"))
        }
        guard (attestation.version ?? 1) >= 2 else {
            self.problems = problems + [.legacyRecord]
            return
        }
        guard let snapshot = attestation.data, let attested = AttestedData(canonicalText: snapshot) else {
            self.problems = problems + [.incomplete("no readable attested data")]
            return
        }
        let dataHash = Attestation.sha256Hex(snapshot)
        if let recorded = attestation.dataSHA256 {
            if recorded != dataHash { problems.append(.attestedDataAltered(recorded: recorded, computed: dataHash)) }
        } else {
            problems.append(.incomplete("no data hash"))
        }
        problems += attested.differences(from: AttestedData(request.fields)).map(Problem.fieldChanged)
        self.problems = problems
    }
}
