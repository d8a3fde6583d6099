// S3 ACL grantee URIs that make an object or bucket public. They appear in CloudTrail either as
// the bare URI or as "uri=<URI>" (x-amz-grant-* headers), so rules search them as substrings.
export const PUBLIC_ACL_GRANTEES = [
  "http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
  "http://acs.amazonaws.com/groups/global/AllUsers",
];
