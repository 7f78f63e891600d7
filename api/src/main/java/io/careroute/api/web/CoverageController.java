package io.careroute.api.web;

import io.careroute.api.config.CareRouteProperties;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.careroute.planning.coverage.CoverageAnalysis;
import io.careroute.planning.geojson.CoverageGeoJson;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.data.coverage.CoverageDocument;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.i18n.Messages;
import io.careroute.data.i18n.Text;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import io.careroute.routing.network.RoadNetwork;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service circles (10/15分钟养老服务圈): which elders of a problem live within N minutes' walk of its kitchens and
 * canteens. The same report as {@code careroute coverage}: JSON (coverage.json), or GeoJSON with walking isochrones
 * for {@code Accept: application/geo+json} or on the {@code /geojson} path. Answered at once (no job): a walk matrix
 * of elders x canteens on the foot hierarchy takes milliseconds.
 */
@RestController
class CoverageController {

    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
    static final String MINUTES = "walking limits in minutes, comma-separated (1 to 120)";

    private final RoadNetwork network;
    private final CoverageAnalysis coverage;
    private final CareRouteProperties properties;

    private final Clock clock;

    CoverageController(RoadNetwork network, CoverageAnalysis coverage, CareRouteProperties properties, Clock clock) {
        this.clock = clock;
        this.network = network;
        this.coverage = coverage;
        this.properties = properties;
    }

    @Operation(summary = "Service-circle report of a problem (problem.json: its kitchens are the canteens); "
            + "JSON, or GeoJSON (WGS-84) with Accept: application/geo+json",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = ProblemDocument.class))),
            responses = {
                    @ApiResponse(responseCode = "200", description = "the report", content = {
                            @Content(mediaType = "application/json", schema = @Schema(implementation = CoverageDocument.class)),
                            @Content(mediaType = "application/geo+json")}),
                    @ApiResponse(responseCode = "400", description = "bad problem or minutes (RFC 9457, errors by field)",
                            content = @Content(mediaType = "application/problem+json"))})
    @PostMapping(value = "/api/v1/coverage", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = {MediaType.APPLICATION_JSON_VALUE, "application/geo+json"})
    ResponseEntity<Object> report(@RequestBody(required = false) byte[] body, @Parameter(description = MINUTES, example = "10,15")
                                  @RequestParam(defaultValue = "10,15") String minutes,
                                  @RequestHeader(value = "Accept-Language", required = false) String language,
                                  @RequestHeader(value = "Accept", required = false) String accept) {
        Messages messages = Messages.forLanguage(language);
        ProblemDocument problem = ProblemJson.read(body == null ? new byte[0] : body);
        return answer(problem, minutes, messages, wantsGeoJson(accept));
    }

    @Operation(summary = "Service-circle report of a problem as GeoJSON (WGS-84): walking isochrones per canteen, "
            + "canteens and elders as points",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = ProblemDocument.class))))
    @PostMapping(value = "/api/v1/coverage/geojson", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = "application/geo+json")
    ResponseEntity<Object> geoJson(@RequestBody(required = false) byte[] body, @Parameter(description = MINUTES, example = "10,15")
                                   @RequestParam(defaultValue = "10,15") String minutes,
                                   @RequestHeader(value = "Accept-Language", required = false) String language) {
        Messages messages = Messages.forLanguage(language);
        ProblemDocument problem = ProblemJson.read(body == null ? new byte[0] : body);
        return answer(problem, minutes, messages, true);
    }

    @Operation(summary = "Service-circle report of the demo street (careroute.demo=true); JSON, or GeoJSON with "
            + "Accept: application/geo+json")
    @GetMapping(value = "/api/v1/demo/coverage", produces = {MediaType.APPLICATION_JSON_VALUE, "application/geo+json"})
    ResponseEntity<Object> demo(@Parameter(description = MINUTES, example = "10,15") @RequestParam(defaultValue = "10,15") String minutes,
                                @RequestHeader(value = "Accept-Language", required = false) String language,
                                @RequestHeader(value = "Accept", required = false) String accept) {
        return answer(demoProblem(), minutes, Messages.forLanguage(language), wantsGeoJson(accept));
    }

    @Operation(summary = "Service-circle report of the demo street as GeoJSON (WGS-84)")
    @GetMapping(value = "/api/v1/demo/coverage/geojson", produces = "application/geo+json")
    ResponseEntity<Object> demoGeoJson(@Parameter(description = MINUTES, example = "10,15") @RequestParam(defaultValue = "10,15") String minutes,
                                       @RequestHeader(value = "Accept-Language", required = false) String language) {
        return answer(demoProblem(), minutes, Messages.forLanguage(language), true);
    }

    private ResponseEntity<Object> answer(ProblemDocument problem, String minutes, Messages messages, boolean geoJson) {
        CoverageAnalysis.Result result = coverage.measure(problem, parseMinutes(minutes), messages);
        if (geoJson) {
            return ResponseEntity.ok().contentType(GEO_JSON).body(CoverageGeoJson.of(network, result));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(result.document());
    }

    private ProblemDocument demoProblem() {
        if (!properties.demo()) {
            throw new DemoDisabledException();
        }
        return DemoProblem.generate(network, DemoStreetGenerator.DEFAULT_SEED, LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).plusDays(1));
    }

    /** Only an explicit ask for GeoJSON gets it; a browser's or curl's wildcard gets the report. */
    private static boolean wantsGeoJson(String accept) {
        if (accept == null) {
            return false;
        }
        for (MediaType type : MediaType.parseMediaTypes(accept)) {
            if (type.isCompatibleWith(GEO_JSON) && !type.isWildcardType() && !type.isWildcardSubtype()) {
                return true;
            }
        }
        return false;
    }

    /** "10,15" as walking limits; anything else is refused naming the parameter. */
    static int[] parseMinutes(String minutes) {
        List<Integer> limits = new ArrayList<>();
        for (String part : minutes.split("[,，]")) {
            try {
                limits.add(Integer.parseInt(part.strip()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException(List.of(new InputError("minutes",
                        Text.of("error.invalidType", Text.of("coverage.minutesExpected")))));
            }
        }
        return limits.stream().mapToInt(Integer::intValue).toArray();
    }
}
