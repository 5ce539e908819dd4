package fr.rdz.kit;

import fr.rdz.events.Entity;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may call the admin routes. {@code admin-password} (env {@code RDZ_ADMIN_PASSWORD}) defines
 * user {@code admin}; {@code users} adds operators with a role and an optional entity scope.
 * Passwords may be given encoded ({@code {bcrypt}…}) or in clear, in which case they are hashed
 * at start-up and the clear value is never kept. {@code public-paths} are the routes a service
 * opens to anonymous callers (intake's {@code /public/**}). {@code metrics-password} (env
 * {@code RDZ_METRICS_PASSWORD}) defines user {@code metrics}, role {@code METRICS}: it may scrape
 * {@code /actuator/prometheus} and nothing else. {@code login-throttle} bounds wrong passwords.
 */
@ConfigurationProperties("rdz.security")
public class RdzSecurityProperties {

    private String adminPassword;
    private String metricsPassword;
    private LoginThrottle loginThrottle = new LoginThrottle();
    private List<User> users = new ArrayList<>();
    private List<String> publicPaths = new ArrayList<>();

    public String getAdminPassword() {
        return adminPassword;
    }

    public void setAdminPassword(String adminPassword) {
        this.adminPassword = adminPassword;
    }

    public String getMetricsPassword() {
        return metricsPassword;
    }

    public void setMetricsPassword(String metricsPassword) {
        this.metricsPassword = metricsPassword;
    }

    public LoginThrottle getLoginThrottle() {
        return loginThrottle;
    }

    public void setLoginThrottle(LoginThrottle loginThrottle) {
        this.loginThrottle = loginThrottle;
    }

    public List<User> getUsers() {
        return users;
    }

    public void setUsers(List<User> users) {
        this.users = users;
    }

    public List<String> getPublicPaths() {
        return publicPaths;
    }

    public void setPublicPaths(List<String> publicPaths) {
        this.publicPaths = publicPaths;
    }

    /** An operator account. */
    public static class User {
        private String name;
        private String password;
        private Role role = Role.VIEWER;
        private Entity entity;
        private String clientId;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public Role getRole() {
            return role;
        }

        public void setRole(Role role) {
            this.role = role;
        }

        public Entity getEntity() {
            return entity;
        }

        public void setEntity(Entity entity) {
            this.entity = entity;
        }

        /** For role {@code client} only (required): the one client whose portal data this user sees. */
        public String getClientId() {
            return clientId;
        }

        public void setClientId(String clientId) {
            this.clientId = clientId;
        }
    }

    /**
     * {@code admin} reads and writes; {@code viewer} only reads; {@code metrics} only scrapes metrics;
     * {@code client} (a buyer, bound to one {@code client-id}) only calls the {@code /portal/**} routes,
     * for its own client id.
     */
    public enum Role {
        ADMIN,
        VIEWER,
        METRICS,
        CLIENT
    }

    /**
     * Wrong admin passwords: at most {@code max-failures-per-user} per user name and
     * {@code max-failures-per-address} per client address within {@code window} (from the first
     * failure), then 429 until the window ends. Verified credentials are remembered (as a hash) for
     * {@code credential-cache}, so bcrypt runs once per operator and period, not per request.
     */
    public static class LoginThrottle {
        private int maxFailuresPerUser = 10;
        private int maxFailuresPerAddress = 50;
        private java.time.Duration window = java.time.Duration.ofMinutes(5);
        private java.time.Duration credentialCache = java.time.Duration.ofMinutes(1);

        public int getMaxFailuresPerUser() {
            return maxFailuresPerUser;
        }

        public void setMaxFailuresPerUser(int maxFailuresPerUser) {
            this.maxFailuresPerUser = maxFailuresPerUser;
        }

        public int getMaxFailuresPerAddress() {
            return maxFailuresPerAddress;
        }

        public void setMaxFailuresPerAddress(int maxFailuresPerAddress) {
            this.maxFailuresPerAddress = maxFailuresPerAddress;
        }

        public java.time.Duration getWindow() {
            return window;
        }

        public void setWindow(java.time.Duration window) {
            this.window = window;
        }

        public java.time.Duration getCredentialCache() {
            return credentialCache;
        }

        public void setCredentialCache(java.time.Duration credentialCache) {
            this.credentialCache = credentialCache;
        }
    }
}
