package cn.sh.healthcloud.account;

import cn.sh.healthcloud.security.Caller;
import cn.sh.healthcloud.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** The calling resident's own account. There is no id in these paths: nobody can ask for another's. */
@Path("/api/me")
@RolesAllowed(Roles.RESIDENT)
@Tag(name = "Health account", description = "The calling resident's own health account")
class MeResource {

    private final AccountService accounts;
    private final AccountOverview overview;
    private final HealthPointsLedger points;
    private final HealthManagementList management;
    private final AccountEvents events;
    private final SecurityIdentity identity;

    MeResource(AccountService accounts, AccountOverview overview, HealthPointsLedger points,
            HealthManagementList management, AccountEvents events, SecurityIdentity identity) {
        this.events = events;
        this.management = management;
        this.accounts = accounts;
        this.overview = overview;
        this.points = points;
        this.identity = identity;
    }

    @GET
    @Path("health-points")
    @Operation(summary = "My health points (健康积分): balance and ledger, newest first")
    public Uni<HealthPointsView> healthPoints(@RestQuery String page, @RestQuery String size) {
        return points.of(subject(), page, size);
    }

    @GET
    @Operation(summary = "My account (created on the first visit): identity, family doctor, latest measurements")
    public Uni<AccountView> me() {
        Caller caller = Caller.of(identity);
        return overview.of(caller.subject(), caller.name().orElse(null));
    }

    @PUT
    @Path("national-id")
    @Operation(summary = "Link my resident ID card number (validated, stored encrypted, shown masked)")
    public Uni<AccountView> linkNationalId(@Valid @NotNull LinkIdentifierRequest request) {
        // Birth date and sex come with the number: age and the sex-specific cut-offs change the health class.
        return accounts.linkNationalId(subject(), request.number()).invoke(() -> events.dataChangedOf(subject()));
    }

    @PUT
    @Path("insurance-card")
    @Operation(summary = "Link or replace my medical-insurance card number")
    public Uni<AccountView> linkInsuranceCard(@Valid @NotNull LinkIdentifierRequest request) {
        return accounts.linkInsuranceCard(subject(), request.number());
    }

    @GET
    @Path("access-log")
    @Operation(summary = "Who read my health data, newest first")
    public Uni<AccessLogView> accessLog(@RestQuery String page, @RestQuery String size) {
        return accounts.accessLog(subject(), page, size);
    }

    @GET
    @Path("health-management")
    @Operation(summary = "My health management list (健康管理清单): class and reasons, what to measure and how often,"
            + " prescriptions in force, next follow-up, progress")
    public Uni<HealthManagementView> healthManagement() {
        return management.mine(subject());
    }

    private String subject() {
        return Caller.subjectOf(identity);
    }
}
