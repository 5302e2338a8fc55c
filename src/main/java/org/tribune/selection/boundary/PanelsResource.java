package org.tribune.selection.boundary;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tribune.platform.entity.DomainException;
import org.tribune.selection.control.Quota;
import org.tribune.selection.control.Respondent;
import org.tribune.selection.control.RoundDraw;
import org.tribune.selection.control.Sortition;
import org.tribune.selection.control.SortitionCsv;
import org.tribune.selection.control.SortitionMethod;
import org.tribune.selection.control.SortitionResult;

/**
 * The public sortition audit: anyone posts the Sortition Foundation's {@code categories.csv} and
 * {@code respondents.csv} with a panel size and a seed, and gets every respondent's selection
 * probability, the distribution over panels and the panel the seed draws, without signing in. It
 * keeps nothing. The platform's 64 KiB body limit applies (a few thousand respondents over a few
 * categories); the computation is bounded as {@link Sortition} documents.
 */
@Path("selection/panels")
public class PanelsResource {

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject panels(List<EntityPart> parts) {
    String categoriesCsv = text(parts, "categories").orElseThrow(() -> missing("categories"));
    String respondentsCsv = text(parts, "respondents").orElseThrow(() -> missing("respondents"));
    String sizeText = text(parts, "size").orElseThrow(() -> missing("size")).trim();
    String seed = text(parts, "seed").orElseThrow(() -> missing("seed"));
    SortitionMethod method = method(text(parts, "method").orElse("leximin"));
    if (!sizeText.matches("\\d{1,6}")) {
      throw DomainException.invalid("size", "must be a whole number");
    }
    List<Quota> quotas = SortitionCsv.categories(categoriesCsv);
    List<Respondent> respondents = SortitionCsv.respondents(respondentsCsv, quotas);
    SortitionResult result =
        Sortition.select(respondents, quotas, Integer.parseInt(sizeText), method, seed);
    return json(result);
  }

  static JsonObject json(SortitionResult result) {
    return RoundDraw.json(result);
  }

  private static SortitionMethod method(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "leximin" -> SortitionMethod.LEXIMIN;
      case "legacy" -> SortitionMethod.LEGACY;
      default -> throw DomainException.invalid("method", "must be leximin or legacy");
    };
  }

  private static Optional<String> text(List<EntityPart> parts, String name) {
    for (EntityPart part : parts) {
      if (name.equals(part.getName())) {
        try (InputStream in = part.getContent()) {
          return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return Optional.empty();
  }

  private static DomainException missing(String name) {
    return DomainException.invalid(name, "the form part \"" + name + "\" is missing");
  }
}
