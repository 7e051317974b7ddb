package cn.sh.healthcloud;

import cn.sh.healthcloud.security.Roles;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Access tokens shaped like the healthcloud realm's (roles in realm_access.roles, district and
 * station claims, our audience), signed with the key of the Quarkus OIDC test server.
 */
public final class TestTokens {

    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "healthcloud-service";

    private TestTokens() {
    }

    public static String resident(String subject) {
        return token(subject, Roles.RESIDENT, null, null);
    }

    public static String doctor(String subject, String station, String district) {
        return token(subject, Roles.DOCTOR, district, station);
    }

    public static String stationAdmin(String station, String district) {
        return token("stationadmin-" + station, Roles.STATION_ADMIN, district, station);
    }

    public static String districtOfficer(String district) {
        return token("officer" + district, Roles.DISTRICT_OFFICER, district, null);
    }

    public static String cityAdmin() {
        return token("cityadmin", Roles.CITY_ADMIN, null, null);
    }

    /** A resident's token that expires after the given number of seconds. */
    public static String residentExpiringIn(String subject, long seconds) {
        return Jwt.claims().subject(subject).issuer(ISSUER).audience(AUDIENCE)
                .claim("realm_access", Map.of("roles", List.of(Roles.RESIDENT)))
                .expiresIn(seconds).sign();
    }

    public static String token(String subject, String role, String district, String station) {
        JwtClaimsBuilder claims = Jwt.claims()
                .subject(subject == null ? UUID.randomUUID().toString() : subject)
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .preferredUserName(subject)
                .claim("realm_access", Map.of("roles", List.of(role)));
        if (district != null) {
            claims.claim("district", district);
        }
        if (station != null) {
            claims.claim("station", station);
        }
        return claims.sign();
    }

    /** The same claims, signed by a key the service does not trust. */
    public static String forged(String role) {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Jwt.claims().subject("mallory").issuer(ISSUER).audience(AUDIENCE)
                    .claim("realm_access", Map.of("roles", List.of(role)))
                    .sign(generator.generateKeyPair().getPrivate());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
