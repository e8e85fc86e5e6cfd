import { z } from "zod";

/**
 * The parts of Slack's published app-manifest JSON schema (github.com/slackapi/manifest-schema,
 * schemas/manifest.schema.1.0.0.json) that Photo Finish's manifest uses, transcribed to zod with the
 * same bounds, patterns and "no other properties". There is no JSON Schema validator among our
 * dependencies, and one file's worth of constraints does not justify adding one.
 */
const url = (max: number) =>
  z
    .string()
    .regex(/^https?:\/\//)
    .max(max);

export const slackManifestSchema = z.strictObject({
  _metadata: z
    .strictObject({
      schema_version: z.number().int().optional(),
      min_version: z.number().int().optional(),
      major_version: z.number().int().optional(),
      minor_version: z.number().int().optional(),
    })
    .optional(),
  display_information: z.strictObject({
    name: z.string().min(1).max(35),
    description: z.string().min(1).max(140).optional(),
    background_color: z
      .string()
      .min(4)
      .max(7)
      .regex(/^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/)
      .optional(),
    long_description: z.string().min(175).max(4000).optional(),
  }),
  features: z
    .strictObject({
      bot_user: z
        .strictObject({ display_name: z.string().min(1).max(80), always_online: z.boolean().optional() })
        .optional(),
      slash_commands: z
        .array(
          z.strictObject({
            command: z.string().min(2).max(32).regex(/^\//),
            url: url(3000).optional(),
            description: z.string().min(1).max(2000),
            usage_hint: z.string().min(1).max(1000).optional(),
            should_escape: z.boolean().optional(),
          }),
        )
        .min(1)
        .max(50)
        .optional(),
    })
    .optional(),
  oauth_config: z
    .strictObject({
      scopes: z
        .strictObject({
          bot: z.array(z.string().max(50)).max(255).optional(),
          user: z.array(z.string().max(50)).max(255).optional(),
        })
        .optional(),
    })
    .optional(),
  settings: z
    .strictObject({
      interactivity: z
        .strictObject({
          is_enabled: z.boolean(),
          request_url: url(3500).optional(),
          message_menu_options_url: url(3500).optional(),
        })
        .optional(),
      org_deploy_enabled: z.boolean().optional(),
      socket_mode_enabled: z.boolean().optional(),
      token_rotation_enabled: z.boolean().optional(),
    })
    .optional(),
});
