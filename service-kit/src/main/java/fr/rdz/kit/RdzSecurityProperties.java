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
 * opens to anonymous callers (intake's {@code /public/**}).
 */
@ConfigurationProperties("rdz.security")
public class RdzSecurityProperties {

    private String adminPassword;
    private List<User> users = new ArrayList<>();
    private List<String> publicPaths = new ArrayList<>();

    public String getAdminPassword() {
        return adminPassword;
    }

    public void setAdminPassword(String adminPassword) {
        this.adminPassword = adminPassword;
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
    }

    /** {@code admin} reads and writes; {@code viewer} only reads. */
    public enum Role {
        ADMIN,
        VIEWER
    }
}
