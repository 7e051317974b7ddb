package cn.sh.healthcloud.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as the access token says: subject, roles and the {@code district} /
 * {@code station} claims that scope station admins, doctors and district officers.
 */
public record Caller(String subject, SecurityIdentity identity, Optional<String> district, Optional<String> station,
        Optional<String> name) {

    public static final String DISTRICT_CLAIM = "district";
    public static final String STATION_CLAIM = "station";

    public static Caller of(SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            return new Caller(null, identity, Optional.empty(), Optional.empty(), Optional.empty());
        }
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            return new Caller(token.getSubject(), identity, claim(token, DISTRICT_CLAIM), claim(token, STATION_CLAIM),
                    personName(token));
        }
        return new Caller(identity.getPrincipal().getName(), identity, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /**
     * Chinese names are written family name first, without a space ("张伟"); the OIDC "name" claim
     * is given name first ("伟 张"), so a name in Chinese characters is put together from its parts.
     */
    private static Optional<String> personName(JsonWebToken token) {
        Optional<String> family = claim(token, "family_name");
        Optional<String> given = claim(token, "given_name");
        if (family.isPresent() && given.isPresent() && isHan(family.get()) && isHan(given.get())) {
            return Optional.of(family.get() + given.get());
        }
        return claim(token, "name").or(() -> claim(token, "preferred_username"));
    }

    private static boolean isHan(String text) {
        return text.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** Only the subject: what the resident's own reads need, without reading any other claim. */
    public static String subjectOf(SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            return null;
        }
        return identity.getPrincipal() instanceof JsonWebToken token ? token.getSubject()
                : identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean isDistrictOfficerOf(String districtCode) {
        return hasRole(Roles.DISTRICT_OFFICER) && district.filter(d -> d.equals(districtCode)).isPresent();
    }

    public boolean isStationAdminOf(String stationId) {
        return hasRole(Roles.STATION_ADMIN) && station.filter(s -> s.equals(stationId)).isPresent();
    }

    private static Optional<String> claim(JsonWebToken token, String name) {
        // Asked first because smallrye-jwt finds a claim that is absent only by catching an exception.
        if (!token.containsClaim(name)) {
            return Optional.empty();
        }
        Object value = token.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        String text = value instanceof jakarta.json.JsonString json ? json.getString() : value.toString();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }
}
