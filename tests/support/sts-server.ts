import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";

/** One AssumeRole call as the fake STS saw it. */
export interface AssumeRoleCall {
  region: string;
  /** Access key that signed the call (the source credentials of the chain). */
  signedBy: string;
  params: Record<string, string>;
}

export interface FakeSts {
  endpoint: string;
  calls: AssumeRoleCall[];
  /** What the next answers hand out; `expiresInSeconds` sets the Expiration. */
  issue: { accessKeyId: string; secretAccessKey: string; sessionToken: string; expiresInSeconds: number };
  /** Role ARNs that get AccessDenied, as STS answers a trust policy that does not allow the caller. */
  denied: Set<string>;
  close(): Promise<void>;
}

const NS = "https://sts.amazonaws.com/doc/2011-06-15/";

/**
 * A local endpoint that speaks STS's Query protocol as AWS does: form-encoded POST with
 * `Action=AssumeRole&Version=2011-06-15`, SigV4-signed for service `sts`, answered with the
 * `AssumeRoleResponse` XML document (or an `ErrorResponse` with HTTP 403), so the real
 * @aws-sdk/client-sts serializer and XML deserializer run end to end. The shapes follow the
 * AssumeRole API reference's example response.
 */
export async function startFakeSts(): Promise<FakeSts> {
  const fake: Omit<FakeSts, "endpoint" | "close"> = {
    calls: [],
    issue: {
      accessKeyId: "ASIAASSUMEDEXAMPLE01",
      secretAccessKey: "assumedSecretKeyExample0000000000000000",
      sessionToken: "FwoGZXIvYXdzEXAMPLESESSIONTOKEN",
      expiresInSeconds: 900,
    },
    denied: new Set(),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const params = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8")));
      const auth = String(req.headers.authorization ?? "");
      const scope = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\//.exec(auth);
      const requestId = randomUUID();
      res.setHeader("content-type", "text/xml");
      res.setHeader("x-amzn-requestid", requestId);
      const isAssumeRole = params.Action === "AssumeRole" && params.Version === "2011-06-15";
      if (scope === null || scope[3] !== "sts" || !isAssumeRole) {
        res.statusCode = 400;
        res.end(errorXml("Sender", "InvalidAction", "Could not find operation for this request.", requestId));
        return;
      }
      fake.calls.push({ region: scope[2] as string, signedBy: scope[1] as string, params });
      const roleArn = params.RoleArn ?? "";
      if (fake.denied.has(roleArn)) {
        res.statusCode = 403;
        res.end(
          errorXml(
            "Sender",
            "AccessDenied",
            `User: arn:aws:iam::111111111111:user/tablewright is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
            requestId,
          ),
        );
        return;
      }
      const match = /^arn:[^:]+:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(roleArn);
      const expiration = new Date(Date.now() + fake.issue.expiresInSeconds * 1000)
        .toISOString()
        .replace(/\.\d{3}Z$/, "Z");
      const session = params.RoleSessionName ?? "session";
      res.end(
        `<AssumeRoleResponse xmlns="${NS}">
  <AssumeRoleResult>
    <AssumedRoleUser>
      <Arn>arn:aws:sts::${match?.[1]}:assumed-role/${match?.[2]}/${session}</Arn>
      <AssumedRoleId>AROA3XFRBF535PLBIFPI4:${session}</AssumedRoleId>
    </AssumedRoleUser>
    <Credentials>
      <AccessKeyId>${fake.issue.accessKeyId}</AccessKeyId>
      <SecretAccessKey>${fake.issue.secretAccessKey}</SecretAccessKey>
      <SessionToken>${fake.issue.sessionToken}</SessionToken>
      <Expiration>${expiration}</Expiration>
    </Credentials>
    <PackedPolicySize>6</PackedPolicySize>
  </AssumeRoleResult>
  <ResponseMetadata>
    <RequestId>${requestId}</RequestId>
  </ResponseMetadata>
</AssumeRoleResponse>
`,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return Object.assign(fake, {
    endpoint: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

function errorXml(type: string, code: string, message: string, requestId: string): string {
  return `<ErrorResponse xmlns="${NS}">
  <Error>
    <Type>${type}</Type>
    <Code>${code}</Code>
    <Message>${message}</Message>
  </Error>
  <RequestId>${requestId}</RequestId>
</ErrorResponse>
`;
}
