package org.tribune.platform.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

@ApplicationPath("api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Tribune API",
            version = "1",
            description =
                "Feature voting, build ratings, delegate selection and public Q&A. Every error is"
                    + " RFC 9457 application/problem+json with a stable type URI."))
public class TribuneApi extends Application {}
