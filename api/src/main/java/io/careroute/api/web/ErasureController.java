package io.careroute.api.web;

import io.careroute.api.access.Caller;
import io.careroute.api.protection.ElderErasure;
import io.careroute.data.i18n.Messages;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Erasure of an elder on request (issue 19.3), for an ADMIN: see {@link ElderErasure}. The elder's id is in the path
 * only; the audit trail records the erasure under the elder's pseudonym.
 */
@RestController
class ErasureController {

    private final ElderErasure erasure;

    ErasureController(ElderErasure erasure) {
        this.erasure = erasure;
    }

    @Operation(summary = "Erase an elder (ADMIN): out of every version of the register, with their meal subscriptions "
            + "and care plans; their name, phone, address and id out of every stored problem, plan, event, week and "
            + "route; their service records anonymised (note and reason removed, times and outcomes kept). Answers "
            + "the anonymous id their records now carry and what was changed; 404 if the register never had them")
    @PostMapping(value = "/api/v1/registry/elders/{id}/erasure", produces = MediaType.APPLICATION_JSON_VALUE)
    ElderErasure.Erased erase(@PathVariable String id) {
        Caller caller = Caller.required();
        // Stored texts are in the users' language, Chinese: the label that replaces a name is too.
        String label = Messages.forLanguage("zh").get("api.erasure.erased");
        return erasure.erase(caller.organisationId(), id, label, caller.auditId())
                .orElseThrow(() -> RegistryException.notFound("id", "api.erasure.noElder", id));
    }
}
