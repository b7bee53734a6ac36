package hbeygraph;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;

/**
 * Writes a new Neo4j database from CSV files with Neo4j's offline importer ({@code neo4j-admin
 * database import full}), into the data directory a {@code hbeygraph.Neo4jLauncher --data DIR}
 * serves.
 *
 * <pre>
 * java -cp CLASSPATH hbeygraph.Neo4jImporter --data DIR [--database neo4j] -- IMPORT-OPTIONS...
 * </pre>
 *
 * <p>DIR is used as the Neo4j home, as the launcher's embedded server uses it, so the database lands
 * in {@code DIR/data/databases/NAME} and its transaction logs in {@code DIR/data/transactions/NAME}.
 * The import options after {@code --} ({@code --nodes=Label=FILE}, {@code --relationships=TYPE=FILE},
 * {@code --overwrite-destination}, …) go to the importer unchanged. The configuration is an empty
 * {@code neo4j.conf} in a temporary folder, deleted afterwards, so no configuration of another Neo4j
 * on this machine ({@code NEO4J_CONF}) is read. The importer's own progress goes to standard output.
 *
 * <p>Community's importer writes the record format, which takes no schema; the launcher creates it
 * when it first opens the folder (see {@code Neo4jLauncher}). The program ends with status 0 on
 * success, else with the importer's status (or 2 for bad arguments) after one line on standard error that starts with
 * {@code hbey-graph neo4j import: }.
 */
public final class Neo4jImporter {

    private Neo4jImporter() {
    }

    public static void main(String[] args) {
        Path data = null;
        String database = "neo4j";
        List<String> options = new ArrayList<>();
        try {
            int i = 0;
            for (; i < args.length && !args[i].equals("--"); i++) {
                switch (args[i]) {
                    case "--data" -> data = Path.of(value(args, ++i, "--data")).toAbsolutePath();
                    case "--database" -> database = value(args, ++i, "--database");
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            for (i++; i < args.length; i++) {
                options.add(args[i]);
            }
            if (data == null) {
                throw new IllegalArgumentException("--data DIR is required");
            }
        } catch (IllegalArgumentException e) {
            fail("bad arguments: " + e.getMessage(), 2);
            return;
        }

        Path conf;
        try {
            Files.createDirectories(data);
            conf = Files.createTempDirectory("hbey-graph-import-conf-");
            Files.writeString(conf.resolve("neo4j.conf"), "# empty: the importer's defaults\n", StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            fail("cannot prepare " + data + ": " + rootMessage(e), 2);
            return;
        }
        List<String> command = new ArrayList<>(List.of("database", "import", "full", database));
        command.addAll(options);
        int status;
        PrintStream out = System.out;
        PrintStream err = System.err;
        try {
            ExecutionContext context = new ExecutionContext(data, conf, out, err, System.in,
                    new DefaultFileSystemAbstraction());
            status = AdminTool.execute(context, command.toArray(new String[0]));
        } catch (RuntimeException e) {
            deleteTree(conf);
            fail("the import into " + data + " failed: " + rootMessage(e), 1);
            return;
        }
        deleteTree(conf);
        if (status != 0) {
            fail("the import into " + data + " failed (status " + status + ")", status);
            return;
        }
        System.exit(0);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // best effort: a temporary folder
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

    private static void fail(String message, int status) {
        System.err.println("hbey-graph neo4j import: " + message);
        System.err.flush();
        System.exit(status);
    }
}
