# GetCallerIdentity through the Ruby SDK's default chain; the endpoint is ARGV[0]. Prints the ARN or fails.
require 'aws-sdk-core'

client = Aws::STS::Client.new(region: 'us-east-1', endpoint: ARGV[0], retry_limit: 0)
puts client.get_caller_identity.arn
