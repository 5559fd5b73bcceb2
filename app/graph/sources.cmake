target_sources(keyturn_graph PRIVATE
    graph/GraphError.h graph/GraphError.cpp
    graph/RetryPolicy.h graph/RetryPolicy.cpp
    graph/OneShotBody.h graph/OneShotBody.cpp
    graph/GraphConnections.h graph/GraphConnections.cpp
    graph/GraphReply.h graph/GraphReply.cpp
    graph/GraphClient.h graph/GraphClient.cpp
    graph/OrganizationReader.h graph/OrganizationReader.cpp)
