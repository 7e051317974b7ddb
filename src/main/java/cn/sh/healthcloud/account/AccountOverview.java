package cn.sh.healthcloud.account;

import cn.sh.healthcloud.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * GET /api/me: the account with its family-doctor contract and the latest value of every
 * measurement type, composed here so that the services it draws on do not depend on each other.
 */
@ApplicationScoped
class AccountOverview {

    private final AccountService accounts;
    private final FamilyDoctorService familyDoctors;
    private final ObservationQueries observations;

    AccountOverview(AccountService accounts, FamilyDoctorService familyDoctors, ObservationQueries observations) {
        this.accounts = accounts;
        this.familyDoctors = familyDoctors;
        this.observations = observations;
    }

    Uni<AccountView> of(String subject, String name) {
        return accounts.me(subject, name).chain(account -> familyDoctors.myContract(subject)
                .onFailure(ProblemException.class).recoverWithNull()
                .chain(contract -> observations.latestPerType(subject)
                        .map(latest -> account.with(contract, latest.stream().map(ObservationView::of).toList()))));
    }
}
