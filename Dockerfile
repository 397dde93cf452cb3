# The parktwin command in a container: build with the .NET 10 SDK, run on the runtime image.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/ParkTwin.Cli -c Release -o /app

FROM mcr.microsoft.com/dotnet/runtime:10.0
# The run's charts are drawn in DejaVu Sans (same font, same PNG bytes as elsewhere).
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
WORKDIR /work
COPY --from=build /app /app
ENTRYPOINT ["dotnet", "/app/parktwin.dll"]
CMD ["simulate", "--out", "/work/runs/latest"]
