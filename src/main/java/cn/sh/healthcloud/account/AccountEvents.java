package cn.sh.healthcloud.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.OffsetDateTime;
import org.jboss.logging.Logger;

/**
 * What the account feature tells others once a change is committed (design §2: the dashboards
 * observe, nobody depends on them). Fired by the resources after the service's transaction ended;
 * an observer's failure is logged and goes no further, the figures being reconciled from the database.
 */
@ApplicationScoped
public class AccountEvents {

    /** A family doctor acknowledged an alert; {@code stationId} is that doctor's station. */
    public record AlertAcknowledged(String stationId, OffsetDateTime acknowledgedAt) {
    }

    /** A resident signed with a family doctor of this community centre. */
    public record ContractSigned(String communityCentreId, boolean inPriorityGroup, OffsetDateTime signedAt) {
    }

    /** A family-doctor contract ended. */
    public record ContractEnded(String communityCentreId, boolean inPriorityGroup, OffsetDateTime endedAt) {
    }

    /**
     * Something a resident's health class is computed from was committed: a home measurement, a
     * questionnaire response, a contract signed or ended (known by the resident's {@code subject}),
     * or a condition the doctor recorded (known by {@code residentId}).
     */
    public record ResidentDataChanged(java.util.UUID residentId, String subject) {
    }

    private static final Logger LOG = Logger.getLogger(AccountEvents.class);

    private final Event<AlertAcknowledged> acknowledged;
    private final Event<ContractSigned> signed;
    private final Event<ContractEnded> ended;
    private final Event<ResidentDataChanged> dataChanged;

    AccountEvents(Event<AlertAcknowledged> acknowledged, Event<ContractSigned> signed, Event<ContractEnded> ended,
            Event<ResidentDataChanged> dataChanged) {
        this.dataChanged = dataChanged;
        this.acknowledged = acknowledged;
        this.signed = signed;
        this.ended = ended;
    }

    void alertAcknowledged(String stationId, AlertView alert) {
        if (stationId != null && alert.acknowledgedAt() != null) {
            fire(() -> acknowledged.fire(new AlertAcknowledged(stationId, alert.acknowledgedAt())));
        }
    }

    void contractSigned(ContractView contract) {
        fire(() -> signed.fire(new ContractSigned(contract.communityCentreId(), !contract.priorityGroups().isEmpty(),
                contract.signedAt())));
    }

    void contractEnded(ContractView contract) {
        fire(() -> ended.fire(new ContractEnded(contract.communityCentreId(), !contract.priorityGroups().isEmpty(),
                contract.endedAt())));
    }

    void dataChangedOf(String subject) {
        fire(() -> dataChanged.fire(new ResidentDataChanged(null, subject)));
    }

    void dataChanged(java.util.UUID residentId) {
        fire(() -> dataChanged.fire(new ResidentDataChanged(residentId, null)));
    }

    private static void fire(Runnable firing) {
        try {
            firing.run();
        } catch (RuntimeException e) {
            LOG.warnf("An observer of account events failed (%s); figures are reconciled later, a health class"
                    + " is recomputed with the resident's next change", e.getMessage());
        }
    }
}
