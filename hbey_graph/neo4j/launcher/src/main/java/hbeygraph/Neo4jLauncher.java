package hbeygraph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Runs an embedded Neo4j Community database with a Bolt connector until the process is stopped.
 *
 * <pre>
 * java -Xmx1g -cp CLASSPATH hbeygraph.Neo4jLauncher --data DIR [--host 127.0.0.1] [--port 7687]
 *      [--import DIR] [--auth USER:PASSWORD] [--watch-stdin] [--delete-data-on-exit]
 * </pre>
 *
 * <p>{@code --import DIR} is the server's import directory ({@code server.directories.import}): the
 * only folder {@code LOAD CSV FROM 'file:///NAME'} reads, NAME relative to it. Without it the
 * directory is {@code import} inside the data directory. File URLs are allowed.
 *
 * <p>{@code --port 0} lets the system choose a free port. Authentication is off unless
 * {@code --auth USER:PASSWORD} is given, or the environment variable HBEY_GRAPH_NEO4J_AUTH (which
 * keeps the password out of the process list); then it is on and USER has PASSWORD (at least 8
 * characters). With {@code --watch-stdin} the program also stops when its standard input closes,
 * so it cannot outlive the process that started it. With {@code --delete-data-on-exit} the data
 * directory is deleted once the database has shut down. Once Bolt accepts connections it prints
 * one line: {@code hbey-graph neo4j ready bolt://HOST:PORT}. A shutdown hook shuts the database
 * down cleanly on SIGTERM or Ctrl-C. Errors go to standard error as one line, with exit status 2.
 *
 * <p>If the data directory holds {@code hbey-graph-schema.cypher} (left there by the offline import,
 * whose importer cannot create a schema), its statements, one per line, are run on the default
 * database before the ready line, every index is awaited online, and the file is deleted.
 */
public final class Neo4jLauncher {

    /** Environment variable read for USER:PASSWORD when {@code --auth} is not given. */
    public static final String AUTH_VARIABLE = "HBEY_GRAPH_NEO4J_AUTH";

    /** File of schema statements, one per line, to run once on the default database. */
    public static final String PENDING_SCHEMA = "hbey-graph-schema.cypher";

    /** Prefix of the line printed once Bolt answers. */
    public static final String READY = "hbey-graph neo4j ready ";

    private Neo4jLauncher() {
    }

    public static void main(String[] args) {
        String host = "127.0.0.1";
        int port = 7687;
        Path data = null;
        Path importDir = null;
        String auth = null;
        boolean watchStdin = false;
        boolean deleteData = false;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--host" -> host = value(args, ++i, "--host");
                    case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
                    case "--data" -> data = Path.of(value(args, ++i, "--data")).toAbsolutePath();
                    case "--import" -> importDir = Path.of(value(args, ++i, "--import")).toAbsolutePath();
                    case "--auth" -> auth = value(args, ++i, "--auth");
                    case "--watch-stdin" -> watchStdin = true;
                    case "--delete-data-on-exit" -> deleteData = true;
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (auth == null && System.getenv(AUTH_VARIABLE) != null && !System.getenv(AUTH_VARIABLE).isEmpty()) {
                auth = System.getenv(AUTH_VARIABLE);
            }
            if (data == null) {
                throw new IllegalArgumentException("--data DIR is required");
            }
            if (importDir == null) {
                importDir = data.resolve("import");
            }
            if (auth != null && auth.indexOf(':') <= 0) {
                throw new IllegalArgumentException("--auth expects USER:PASSWORD");
            }
        } catch (IllegalArgumentException e) {
            fail("bad arguments: " + e.getMessage());
            return;
        }

        DatabaseManagementService service;
        try {
            Files.createDirectories(importDir);
        } catch (IOException | RuntimeException e) {
            fail("cannot create the import directory " + importDir + ": " + rootMessage(e));
            return;
        }
        try {
            service = new DatabaseManagementServiceBuilder(data)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(GraphDatabaseSettings.auth_enabled, auth != null)
                    .setConfig(GraphDatabaseSettings.load_csv_file_url_root, importDir)
                    .setConfig(GraphDatabaseSettings.allow_file_urls, true)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(128))
                    // a local test server: do not linger for seconds on shutdown
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                    .build();
        } catch (RuntimeException e) {
            fail("cannot start Neo4j on " + host + ":" + port + " with data in " + data + ": " + rootMessage(e));
            return;
        }
        DatabaseManagementService running = service;
        Path home = data;
        boolean delete = deleteData;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.shutdown();
            if (delete) {
                deleteTree(home);
            }
        }, "neo4j-shutdown"));

        try {
            if (auth != null) {
                setPassword(service, auth.substring(0, auth.indexOf(':')), auth.substring(auth.indexOf(':') + 1));
            }
            GraphDatabaseAPI db = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            createPendingSchema(db, data.resolve(PENDING_SCHEMA));
            HostnamePort bound = db.getDependencyResolver()
                    .resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT);
            int boundPort = bound != null ? bound.getPort() : port;
            System.out.println(READY + "bolt://" + host + ":" + boundPort);
            System.out.flush();
        } catch (RuntimeException e) {
            fail("Neo4j started but is not usable: " + rootMessage(e));
            return;
        }

        if (watchStdin) {
            waitForEndOfInput(System.in);
            System.exit(0);
        }
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void createPendingSchema(GraphDatabaseAPI db, Path file) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    db.executeTransactionally(line.strip());
                }
            }
            db.executeTransactionally("CALL db.awaitIndexes(86400)");
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void setPassword(DatabaseManagementService service, String user, String password) {
        var system = service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        Map<String, Object> params = Map.of("user", user, "password", password);
        if (user.equals("neo4j")) {
            system.executeTransactionally("ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", params);
        } else {
            system.executeTransactionally(
                    "CREATE USER $user IF NOT EXISTS SET PASSWORD $password CHANGE NOT REQUIRED", params);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: the starting process removes what is left
        }
    }

    private static void waitForEndOfInput(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // keep reading until the parent closes the pipe
            }
        } catch (IOException e) {
            // a broken pipe means the parent is gone: stop as well
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replace('\n', ' ');
    }

    private static void fail(String message) {
        System.err.println("hbey-graph neo4j: " + message);
        System.err.flush();
        System.exit(2);
    }
}
