package cn.sh.healthcloud.dashboard;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The dashboard web page is static (META-INF/resources/dashboard/): it logs in with Keycloak itself
 * (authorization code + PKCE) and reads the API with the token. People type the address without
 * the trailing slash, which the static handler does not serve.
 */
@ApplicationScoped
class DashboardPage {

    void routes(@Observes Router router) {
        router.getWithRegex("^/dashboard$").handler(rc -> rc.redirect("/dashboard/"));
    }
}
