package cn.sh.healthcloud.agent.mqtt;

import cn.sh.healthcloud.agent.config.AgentConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS socket factory of an {@code ssl://} broker: the configured trust store (else the Java
 * runtime's CAs) decides which brokers are believed; the key store, if any, holds the kiosk's
 * client certificate.
 */
final class TlsSockets {

    private TlsSockets() {
    }

    static SSLSocketFactory of(AgentConfig.Broker broker) throws IOException, GeneralSecurityException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(broker.trustStore().isPresent() ? load(broker.trustStore().get()) : null);
        KeyManagerFactory keys = null;
        if (broker.keyStore().isPresent()) {
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(broker.keyStore().get()), broker.keyStore().get().password());
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context.getSocketFactory();
    }

    private static KeyStore load(AgentConfig.KeyStoreFile file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(file.type());
        try (InputStream in = Files.newInputStream(file.path())) {
            store.load(in, file.password());
        }
        return store;
    }
}
