// GetCallerIdentity through the Go SDK v2 default chain (config.LoadDefaultConfig); the endpoint is argv[1].
// Prints the ARN, or the error on stderr with exit 1 (2 when the configuration itself fails).
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

func main() {
	ctx := context.Background()
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion("us-east-1"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	client := sts.NewFromConfig(cfg, func(o *sts.Options) {
		o.EndpointResolver = sts.EndpointResolverFromURL(os.Args[1])
	})
	out, err := client.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(aws.ToString(out.Arn))
}
