import Testing
import WebChatChannel

@Suite struct MailboxBellTests {
    @Test func aRingBetweenRegisteringAndWaitingIsNotMissed() async {
        let bell = MailboxBell()
        let ticket = bell.register("chat")
        bell.ring("chat")
        // Would wait an hour if the ring were lost.
        await bell.wait(ticket, timeout: .seconds(3600))
        #expect(bell.waiting == 0)
    }

    @Test func aRingWakesTheWaitersOfThatChatOnly() async {
        let bell = MailboxBell()
        let mine = bell.register("mine")
        let other = bell.register("other")
        async let woken: Void = bell.wait(mine, timeout: .seconds(3600))
        bell.ring("mine")
        await woken
        #expect(bell.waiting == 1)
        bell.cancel(other)
        #expect(bell.waiting == 0)
    }

    @Test func aWaitWithoutARingEndsAtItsTimeout() async {
        let bell = MailboxBell()
        await bell.wait(bell.register("quiet"), timeout: .milliseconds(1))
        #expect(bell.waiting == 0)
    }
}
