package cn.sh.healthcloud.account;

import cn.sh.healthcloud.problem.Problem.FieldError;
import cn.sh.healthcloud.problem.ProblemException;
import cn.sh.healthcloud.problem.QueryParameters;
import cn.sh.healthcloud.time.ShanghaiTime;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import org.hibernate.JDBCException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Resident accounts: created on a resident's first visit, keyed by the OIDC subject, and the
 * linking of their identifiers. One identifier belongs to one account; the unique lookup hash
 * enforces that even when two accounts claim the same number at the same moment.
 */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);
    private static final String UNIQUE_VIOLATION = "23505";

    private final ResidentRepository residents;
    private final IdentifierProtection protection;
    private final AccessLog accessLog;
    private final Clock clock;

    AccountService(ResidentRepository residents, IdentifierProtection protection, AccessLog accessLog, Clock clock) {
        this.residents = residents;
        this.protection = protection;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /** The caller's account; the name from the identity provider is kept current for their doctor's list. */
    @WithTransaction
    public Uni<AccountView> me(String subject, String name) {
        return account(subject).invoke(resident -> {
            if (name != null && !name.equals(resident.displayName)) {
                resident.displayName = name.length() > 100 ? name.substring(0, 100) : name;
            }
        }).map(AccountView::of);
    }

    public Uni<AccountView> linkNationalId(String subject, String number) {
        NationalIdNumber id;
        try {
            id = NationalIdNumber.parse(number, LocalDate.now(clock.withZone(ShanghaiTime.ZONE)));
        } catch (InvalidIdentifierException e) {
            throw invalid("number", "The resident ID card number is not valid", e);
        }
        byte[] lookup = protection.lookupHash(IdentifierKind.RESIDENT_ID_CARD, id.value());
        return link(subject, IdentifierKind.RESIDENT_ID_CARD, lookup, residents::findByNationalIdLookup, (resident, hash) -> {
            if (resident.hasNationalId() && !Arrays.equals(resident.nationalIdLookup, hash)) {
                throw ProblemException.conflict(
                        "A different ID number is already linked to this account; corrections go through your community centre");
            }
            IdentifierProtection.Sealed sealed = protection.seal(IdentifierKind.RESIDENT_ID_CARD, resident.id.toString(),
                    id.value());
            resident.nationalIdKeyId = sealed.keyId();
            resident.nationalIdSealed = sealed.bytes();
            resident.nationalIdLookup = hash;
            resident.nationalIdMasked = id.masked();
            resident.birthDate = id.birthDate();
            resident.sex = id.sex();
            return resident;
        }, "This ID number is already linked to another account");
    }

    /** A card can be replaced: cards are reissued, the person stays the same. */
    public Uni<AccountView> linkInsuranceCard(String subject, String number) {
        InsuranceCardNumber card;
        try {
            card = InsuranceCardNumber.parse(number);
        } catch (InvalidIdentifierException e) {
            throw invalid("number", "The medical-insurance card number is not valid", e);
        }
        byte[] lookup = protection.lookupHash(IdentifierKind.MEDICAL_INSURANCE_CARD, card.value());
        return link(subject, IdentifierKind.MEDICAL_INSURANCE_CARD, lookup, residents::findByInsuranceCardLookup,
                (resident, hash) -> {
            IdentifierProtection.Sealed sealed = protection.seal(IdentifierKind.MEDICAL_INSURANCE_CARD,
                    resident.id.toString(), card.value());
            resident.insuranceCardKeyId = sealed.keyId();
            resident.insuranceCardSealed = sealed.bytes();
            resident.insuranceCardLookup = hash;
            resident.insuranceCardMasked = card.masked();
            return resident;
        }, "This card is already linked to another account");
    }

    private Uni<AccountView> link(String subject, IdentifierKind kind, byte[] lookup, Function<byte[], Uni<Resident>> holderOf,
            BiFunction<Resident, byte[], Resident> apply, String claimedElsewhere) {
        return Panache.withTransaction(() -> account(subject)
                .call(resident -> holderOf.apply(lookup).invoke(holder -> {
                    if (holder != null && !holder.id.equals(resident.id)) {
                        throw ProblemException.conflict(claimedElsewhere);
                    }
                }))
                .map(resident -> apply.apply(resident, lookup))
                .call(residents::flush))
                // The account id only: never the number, not even masked.
                .invoke(resident -> LOG.infof("Account %s linked its %s", resident.id, kind.id()))
                .onFailure(AccountService::isUniqueViolation)
                .transform(e -> ProblemException.conflict(claimedElsewhere))
                .map(AccountView::of);
    }

    /** Who read my data; page and size are bounded so one request cannot dump everything. */
    @WithTransaction
    public Uni<AccessLogView> accessLog(String subject, String page, String size) {
        List<FieldError> errors = new java.util.ArrayList<>();
        int p = QueryParameters.wholeNumber("page", page, 0, 0, 100_000, errors);
        int s = QueryParameters.wholeNumber("size", size, 20, 1, 100, errors);
        QueryParameters.rejectIfAny(errors);
        return account(subject).chain(resident -> accessLog.ofResident(resident.id, p, s));
    }

    /** The subject's account, created on first use; call inside a transaction. */
    Uni<Resident> accountOf(String subject) {
        return account(subject);
    }

    private Uni<Resident> account(String subject) {
        return residents.findBySubject(subject).onItem().ifNull()
                .switchTo(() -> residents.createIfAbsent(subject).chain(() -> residents.findBySubject(subject)));
    }

    private static ProblemException invalid(String field, String detail, InvalidIdentifierException e) {
        return ProblemException.ruleViolated(detail, List.of(new FieldError(field, e.getMessage())));
    }

    /** Two accounts claimed one identifier at the same moment: the database's unique index decided. */
    static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            // Hibernate Reactive reports it as its own ConstraintViolationException, the driver as PgException.
            if (cause instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
                    || cause instanceof JDBCException jdbc && UNIQUE_VIOLATION.equals(jdbc.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
