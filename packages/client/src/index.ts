export {
  AgencyClient,
  type AgencyAction,
  type AgencyClientOptions,
  type IndicatorMeasurement,
  type ProgressReport,
  type WriteResult,
} from './agency-client.js';
export {
  CocukKorumaClientError,
  GraphQLRequestError,
  NetworkError,
  TokenRequestError,
  type GraphQLErrorEntry,
} from './errors.js';
export {
  GraphClient,
  type GraphClientOptions,
  type GraphResult,
  type RequestOptions,
  type RetryOptions,
} from './graph-client.js';
export { clientCredentialsTokenSource, type ClientCredentialsOptions, type TokenSource } from './token.js';
// The typed documents and their types, for operations beyond AgencyClient's.
export * from './generated/graphql.js';
