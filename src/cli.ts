process.stdout.write('assume-aws-role\n');
