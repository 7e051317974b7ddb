package cn.sh.healthcloud.agent.session;

import java.util.UUID;

/** What the rest of the kiosk hears from the sessions: who a closed session was, and refusals to show. */
public interface SessionListener {

    /** A session's close message is in the outbox; its report will come back under this id. */
    void closed(UUID sessionId, Subject subject);

    /** A card or a measurement was turned away; {@code reasonZh} is for the resident to read. */
    void refused(String reasonZh);
}
