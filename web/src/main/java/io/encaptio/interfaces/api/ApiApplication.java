package io.encaptio.interfaces.api;

import io.encaptio.interfaces.analytics.rest.AnalyticsResource;
import io.encaptio.interfaces.assistant.rest.AssistantResource;
import io.encaptio.interfaces.assistant.rest.ChatModelResource;
import io.encaptio.interfaces.assistant.rest.GoldenQuestionResource;
import io.encaptio.interfaces.assistant.rest.ModelRoutingResource;
import io.encaptio.interfaces.assistant.rest.RetrievalResource;
import io.encaptio.interfaces.audit.rest.AuditResource;
import io.encaptio.interfaces.capsule.rest.BrandResource;
import io.encaptio.interfaces.capsule.rest.CapsuleResource;
import io.encaptio.interfaces.content.rest.ContentResource;
import io.encaptio.interfaces.content.rest.IndexingResource;
import io.encaptio.interfaces.delivery.rest.DeliveryResource;
import io.encaptio.interfaces.delivery.rest.PublicCapsuleResource;
import io.encaptio.interfaces.delivery.rest.ShareResource;
import io.encaptio.interfaces.inbox.rest.InboxResource;
import io.encaptio.interfaces.inbox.rest.KnowledgeGapResource;
import io.encaptio.interfaces.integration.rest.EventResource;
import io.encaptio.interfaces.lead.rest.LeadResource;
import io.encaptio.interfaces.notification.rest.NotificationResource;
import io.encaptio.interfaces.ops.rest.DatabaseServerOperationsResource;
import io.encaptio.interfaces.ops.rest.PlatformAuditResource;
import io.encaptio.interfaces.ops.rest.TenantOperationsResource;
import io.encaptio.interfaces.problem.RateLimitedMapper;
import io.encaptio.interfaces.problem.UnexpectedExceptionMapper;
import io.encaptio.interfaces.problem.UnreadableBodyMapper;
import io.encaptio.interfaces.problem.WebApplicationExceptionMapper;
import io.encaptio.interfaces.rest.EncaptioRoles;
import io.encaptio.interfaces.user.rest.CapsuleTeamResource;
import io.encaptio.interfaces.user.rest.InvitationResource;
import io.encaptio.interfaces.user.rest.MeResource;
import io.encaptio.interfaces.user.rest.PeopleResource;
import io.encaptio.interfaces.user.rest.SecurityResource;
import io.encaptio.interfaces.user.rest.TeamResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

@ApplicationPath("/api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Encaptio API",
            version = "1",
            description =
                "Integrator API (/api/v1), visitors' API (/api/public/v1) and operators' API (/api/ops/v1). Authenticate with a"
                    + " Keycloak access token."))
@SecurityScheme(
    securitySchemeName = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
public class ApiApplication extends Application {

  /**
   * The integrator API ({@code /api/v1}), the visitors' API ({@code /api/public/v1}) and the
   * operators' API ({@code /api/ops/v1}) in one application, so the OpenAPI document names every
   * path correctly; each has its own filter.
   */
  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        MeResource.class,
        PeopleResource.class,
        InvitationResource.class,
        TeamResource.class,
        CapsuleTeamResource.class,
        SecurityResource.class,
        AuditResource.class,
        AnalyticsResource.class,
        NotificationResource.class,
        CapsuleResource.class,
        BrandResource.class,
        ContentResource.class,
        IndexingResource.class,
        AssistantResource.class,
        RetrievalResource.class,
        ModelRoutingResource.class,
        ChatModelResource.class,
        GoldenQuestionResource.class,
        PublicCapsuleResource.class,
        DeliveryResource.class,
        InboxResource.class,
        KnowledgeGapResource.class,
        LeadResource.class,
        EventResource.class,
        ShareResource.class,
        TenantOperationsResource.class,
        DatabaseServerOperationsResource.class,
        PlatformAuditResource.class,
        EncaptioRoles.class,
        UnreadableBodyMapper.class,
        RateLimitedMapper.class,
        WebApplicationExceptionMapper.class,
        UnexpectedExceptionMapper.class);
  }
}
