package io.careroute.api.protection;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.security.SecureRandom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careroute.api.store.RecordStore;
import io.careroute.api.store.RegistryChanges;
import io.careroute.api.store.RegistryStore;
import io.careroute.api.store.RegistryVersion;
import io.careroute.api.store.StoredDocuments;
import io.careroute.api.store.StoredRegistry;
import io.careroute.data.problem.ProblemJson;
import io.careroute.data.registry.RegistryDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Erases an elder on request (issue 19.3), in one transaction: out of every version of the register (with the meal
 * subscriptions and care plans that named them), their personal fields out of every stored problem, plan, event,
 * week and route ({@link ErasedElder}), and their service records anonymised (id replaced, note and reason removed;
 * times, minutes and outcomes kept for the statistics). The audit trail keeps only a pseudonym, so nothing there
 * needs to change; the erasure itself is recorded in it like any request.
 */
@Service
public class ElderErasure {

    private static final Logger log = LoggerFactory.getLogger(ElderErasure.class);
    private static final ObjectMapper MAPPER = ProblemJson.mapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What an erasure did: no personal data, counts only. */
    public record Erased(String anonymousId, int registerVersions, int documents, int records) {
    }

    private final RegistryStore registers;
    private final StoredDocuments documents;
    private final RecordStore records;
    private final TransactionOperations transactions;

    public ElderErasure(RegistryStore registers, StoredDocuments documents, RecordStore records,
                 TransactionOperations transactions) {
        this.registers = registers;
        this.documents = documents;
        this.records = records;
        this.transactions = transactions;
    }

    /**
     * @param label what replaces their name, phone and address in texts ("已删除的老人")
     * @param by    {@code account:<id>} or {@code api-key:<id>}, for the log
     * @return empty when the organisation's register never had such an elder
     */
    public Optional<Erased> erase(String organisationId, String elderId, String label, String by) {
        Erased erased = transactions.execute(status -> {
            List<RegistryVersion> versions = registers.versions(organisationId);
            List<StoredRegistry> stored = new ArrayList<>();
            ErasedElder elder = new ErasedElder(elderId, "ERASED-" + HexFormat.of().formatHex(bytes(6)), label);
            for (RegistryVersion version : versions) {
                StoredRegistry registry = registers.version(organisationId, version.version()).orElseThrow();
                stored.add(registry);
                registry.document().eldersOrEmpty().stream().filter(e -> elderId.equals(e.id()))
                        .forEach(e -> elder.learn(MAPPER.valueToTree(e)));
            }
            boolean known = stored.stream().anyMatch(r -> r.document().eldersOrEmpty().stream()
                    .anyMatch(e -> elderId.equals(e.id())));
            if (!known) {
                return null;
            }
            // Also what a day's problem said of them (a phone changed in a problem posted directly, not in the register).
            documents.rewriteAll(organisationId, json -> {
                learnFrom(read(json), elder);
                return json;
            });
            for (StoredRegistry registry : stored) {
                registers.rewrite(organisationId, registry.version().version(), without(registry.document(), elderId),
                        scrubbed(registry.version().changes(), elder));
            }
            int changedDocuments = documents.rewriteAll(organisationId, json -> {
                JsonNode tree = read(json);
                return tree != null && elder.scrub(tree) ? tree.toString() : json;
            });
            int changedRecords = records.anonymise(organisationId, elderId, elder.anonymousId());
            return new Erased(elder.anonymousId(), stored.size(), changedDocuments, changedRecords);
        });
        if (erased != null) {
            log.info("Erasure in organisation {} by {}: {} register versions, {} documents, {} record versions",
                    organisationId, by, erased.registerVersions(), erased.documents(), erased.records());
        }
        return Optional.ofNullable(erased);
    }

    private static RegistryDocument without(RegistryDocument document, String elderId) {
        return new RegistryDocument(document.timeZone(), document.coordinateSystem(), document.kitchens(),
                document.elders() == null ? null : document.eldersOrEmpty().stream()
                        .filter(e -> e == null || !elderId.equals(e.id())).toList(),
                document.workers(),
                document.mealSubscriptions() == null ? null : document.mealSubscriptionsOrEmpty().stream()
                        .filter(s -> s == null || !elderId.equals(s.elderId())).toList(),
                document.carePlans() == null ? null : document.carePlansOrEmpty().stream()
                        .filter(p -> p == null || !elderId.equals(p.elderId())).toList());
    }

    private static RegistryChanges scrubbed(RegistryChanges changes, ErasedElder elder) {
        JsonNode tree = MAPPER.valueToTree(changes);
        if (!elder.scrub(tree)) {
            return changes;
        }
        try {
            return MAPPER.treeToValue(tree, RegistryChanges.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Elders of a problem or week document with the erased one's id. */
    private static void learnFrom(JsonNode tree, ErasedElder elder) {
        if (tree == null) {
            return;
        }
        for (JsonNode e : tree.path("elders")) {
            if (elder.id().equals(e.path("id").asText(null))) {
                elder.learn(e);
            }
        }
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return null;   // not JSON: nothing of an elder's in a structured form
        }
    }

    private static byte[] bytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
