/// The order of a sent message's delivery statuses: a later report never moves a row back ("read" stays
/// "read" when a late "delivered" arrives), and "failed" is final.
public enum DeliveryStatusRank {
    public static func rank(_ status: String?) -> Int {
        switch status {
        case nil: 0
        case "sent": 1
        case "delivered": 2
        case "read", "played": 3
        case "failed": 4
        default: 0
        }
    }
}
